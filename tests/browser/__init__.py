"""Browser tests: JupyterLab in headless Chromium (a package so its conftest has a unique name)."""
