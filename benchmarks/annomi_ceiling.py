"""How far can anything learned from the words alone get on AnnoMI's question labels?

A yardstick for `python -m trustlab.bench`: a logistic regression over word and character
n-grams, trained on AnnoMI itself and tested on transcripts it was not trained on (10 folds,
split by transcript), with and without the engine's own verdict as an extra feature. If a
model fitted to these very labels cannot beat the hand-written rules, the remaining errors
are disagreement in the labels rather than rules a coach would recognise.

Needs scikit-learn, which trustlab itself does not use:

    python -m venv /tmp/ceiling && /tmp/ceiling/bin/pip install scikit-learn pyyaml
    PYTHONPATH=lib /tmp/ceiling/bin/python benchmarks/annomi_ceiling.py [--data PATH]
"""

from __future__ import annotations

import argparse
import sys

from trustlab import classify_question
from trustlab.bench import annotator_habits, find_annomi, load_annomi, scores

LABELS = ("open", "closed", "none")


def cross_validated(texts, gold, groups, engine=None, folds=10):
    """Predictions for every utterance from a model that never saw its transcript."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_union

    gold, groups = np.array(gold), np.array(groups)
    extra = None
    if engine is not None:
        extra = csr_matrix(np.array([[e == k for k in LABELS] for e in engine], dtype=float) * 3)
    predicted = np.empty(len(texts), dtype=object)
    for train, test in GroupKFold(n_splits=folds).split(texts, groups=groups):
        features = make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=3))
        x_train = features.fit_transform([texts[i] for i in train])
        x_test = features.transform([texts[i] for i in test])
        if extra is not None:
            x_train, x_test = hstack([x_train, extra[train]]), hstack([x_test, extra[test]])
        model = LogisticRegression(C=1.0, max_iter=3000).fit(x_train, gold[train])
        predicted[test] = model.predict(x_test)
    return list(predicted)


def line(name: str, gold, predicted) -> str:
    r = scores(gold, predicted)
    return (f"{name:<44} accuracy {r['accuracy']:.3f}  macro-F1 {r['macro_f1']:.3f}  "
            f"closed F1 {r['labels']['closed']['f1']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="path to annomi-dev.csv")
    args = parser.parse_args(argv)
    path = find_annomi(args.data)
    if path is None:
        print("AnnoMI data not found (looked for ../shared/data/annomi-dev.csv).")
        return 2
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("This yardstick needs scikit-learn (not a trustlab dependency): see the docstring.")
        return 2
    items = load_annomi(path)
    _, odd = annotator_habits(path)
    for title, keep in (("all transcripts", lambda t: True),
                        (f"without the {len(odd)} transcripts of the expert who rarely said closed",
                         lambda t: t not in odd)):
        chosen = [it for it in items if keep(it[0])]
        groups, texts, gold = [t for t, _, _ in chosen], [x for _, x, _ in chosen], [g for *_, g in chosen]
        engine = [classify_question(x) or "none" for x in texts]
        print(f"AnnoMI, {title} ({len(chosen)} therapist utterances):")
        print("  " + line("trustlab rules (no training)", gold, engine))
        print("  " + line("learned from the words, unseen transcripts", gold, cross_validated(texts, gold, groups)))
        print("  " + line("learned, plus the rules' verdict", gold, cross_validated(texts, gold, groups, engine)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
