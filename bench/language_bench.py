"""Compare language detectors on short news text: each alignable sentence of the real golds (English and Spanish).

Prints, per detector: accuracy on single sentences and on whole accounts, load time and CPU time per sentence.
Run: .venv/bin/python bench/language_bench.py  (needs py3langid; lingua-language-detector and langdetect if installed)
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdiff.text.pipeline import split_upload  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "tests" / "text" / "gold" / "real"


def samples() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    sentences, accounts = [], []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text())
        lang = gold.get("language", "en")
        for side in "ab":
            text = (GOLD / gold[side]).read_text()
            accounts.append((lang, text))
            for seg in split_upload(text.encode(), gold[side]).segments:
                if seg.kind in ("claim", "quote"):
                    sentences.append((lang, seg.text))
    return sentences, accounts


def detectors():
    def py3langid():
        import py3langid as langid
        return lambda text: langid.classify(text)[0]

    def lingua():
        from lingua import LanguageDetectorBuilder
        detector = LanguageDetectorBuilder.from_all_languages().build()
        return lambda text: (lambda lang: lang.iso_code_639_1.name.lower() if lang else "")(
            detector.detect_language_of(text))

    def langdetect():
        from langdetect import DetectorFactory, detect
        DetectorFactory.seed = 0
        return detect

    return {"py3langid": py3langid, "lingua (all languages)": lingua, "langdetect": langdetect}


def main() -> None:
    sentences, accounts = samples()
    print(f"{len(sentences)} sentences ({sum(l == 'es' for l, _ in sentences)} Spanish), {len(accounts)} accounts")
    print("| detector | load s | sentence accuracy | Spanish sentences | account accuracy | CPU ms/sentence | max RSS MB so far (cumulative) |")
    print("|---|---|---|---|---|---|---|")
    for name, make in detectors().items():
        try:
            t = time.perf_counter()
            detect = make()
            detect("warm up the model")
            load = time.perf_counter() - t
        except ImportError:
            print(f"| {name} | not installed |")
            continue
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        c = time.process_time()
        hits = [detect(text) == lang for lang, text in sentences]
        cpu = (time.process_time() - c) / len(sentences) * 1000
        es = [h for h, (lang, _) in zip(hits, sentences) if lang == "es"]
        acc = sum(detect(text) == lang for lang, text in accounts) / len(accounts)
        print(f"| {name} | {load:.2f} | {sum(hits) / len(hits):.3f} | {sum(es) / max(1, len(es)):.3f} | {acc:.2f} "
              f"| {cpu:.2f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
