"""How long does reading a 90-minute session (1,500 turns) take, in each format? Prints figures."""
import statistics, sys, tempfile, time, random, csv, io
from pathlib import Path
sys.path.insert(0, "/work/main/lib")
from trustlab.transcripts import read_transcript

rnd = random.Random(5)
VOCAB = "so what feels most important about that for you today I think maybe we could look at the team and how it went".split()
turns = []
t = 0.0
for i in range(1500):
    n = rnd.randint(6, 40)
    cues = []
    left = n
    while left > 0:
        k = min(left, rnd.randint(8, 14)); left -= k
        d = k * 0.3
        cues.append((" ".join(rnd.choice(VOCAB) for _ in range(k)), t, t + d)); t += d + 0.05
    turns.append(("Maya Okafor" if i % 2 == 0 else "Tom Reilly", cues)); t += 0.4
scale = 5400 / t
def ts(s, sep="."):
    s *= scale; ms = int(round(s * 1000)); h, r = divmod(ms, 3600000); m, r = divmod(r, 60000); x, r = divmod(r, 1000)
    return f"{h:02d}:{m:02d}:{x:02d}{sep}{r:03d}"
files = {}
out = ["WEBVTT", ""]; k = 0
for who, cues in turns:
    for text, s, e in cues:
        k += 1; out += [str(k), f"{ts(s)} --> {ts(e)}", f"{who}: {text}", ""]
files["zoom.vtt"] = "\n".join(out); ncues = k
out = ["WEBVTT", ""]
for i, (who, cues) in enumerate(turns):
    for j, (text, s, e) in enumerate(cues):
        out += [f"6513270e-269e-0d37-f2a7-4de452e6b438/{i}-{j}", f"{ts(s)} --> {ts(e)}", f"<v {who}>{text}</v>", ""]
files["teams.vtt"] = "\n".join(out)
out = []; k = 0
for who, cues in turns:
    for text, s, e in cues:
        k += 1; out += [str(k), f"{ts(s, ',')} --> {ts(e, ',')}", f"{who}: {text}", ""]
files["session.srt"] = "\n".join(out)
def mss(s):
    s = int(s * scale); return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
files["otter.txt"] = "\n".join(f"{who}  {mss(c[0][1])}\n{' '.join(x[0] for x in c)}\n" for who, c in turns)
files["script.txt"] = "\n".join(f"[{ts(c[0][1])[:8]}] {who}: {' '.join(x[0] for x in c)}" for who, c in turns)
buf = io.StringIO(); w = csv.writer(buf); w.writerow(["start", "end", "speaker", "text"])
for who, c in turns: w.writerow([ts(c[0][1]), ts(c[-1][2]), who, " ".join(x[0] for x in c)])
files["session.csv"] = buf.getvalue()

d = Path("/tmp/benchfiles"); d.mkdir(exist_ok=True)
print(f"A generated 90-minute session: 1,500 turns ({ncues:,} caption cues); best of 15 reads, each from the file")
for name, text in files.items():
    p = d / name; p.write_text(text, encoding="utf-8")
    read_transcript(p)  # first read loads the word lists
    times = []
    for _ in range(15):
        t0 = time.perf_counter(); tr = read_transcript(p); times.append(time.perf_counter() - t0)
    assert len(tr) == 1500, (name, len(tr))
    t0 = time.perf_counter(); tr.talk_share(); tr.time_share(); shares = time.perf_counter() - t0
    print(f"  {name:12} {tr.format:13} {p.stat().st_size/1024:5.0f} KB  read {min(times)*1000:5.1f} ms"
          f"  (talk_share + time_share {shares*1000:.1f} ms)  duration {tr.duration/60:.1f} min")
import webvtt
t0 = time.perf_counter(); v = webvtt.read(str(d / "zoom.vtt")); print(f"  for comparison, webvtt-py parses zoom.vtt in {(time.perf_counter()-t0)*1000:.0f} ms")
