"""`callscript eval`: a compliance team checks the Judge (a policy, a model) on its own labelled calls.

The corpus here is five of the shipped recordings, one of them deliberately labelled wrong (a Medicare call
without the TPMO disclaimer labelled compliant), so the report has a false flag to count and to show. Real
Whisper, real policy, real judge; the database is there only to prove nothing is written to it.
"""

from __future__ import annotations

import importlib.metadata
import json
import shutil
from importlib import resources
from pathlib import Path

import psycopg
import pytest
import yaml
from typer.testing import CliRunner

from callscript_dagster.cli import app
from callscript_dagster.policy import DEFAULT_POLICY
from callscript_dagster.settings import get_settings
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

# (file, label: expected verdict, expected rules) — medicare_no_tpmo_stereo is mislabelled on purpose.
LABELS = {
    "compliant_stereo.mp3": ("compliant", []),
    "dnc_ignored_stereo.mp3": ("flagged", ["do_not_call"]),
    "medicare_compliant_mono.wav": ("compliant", []),
    "medicare_no_tpmo_stereo.mp3": ("compliant", []),
    "sensitive_data_stereo.mp3": ("flagged", ["sensitive_data"]),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    manifest = {e["file"]: e for e in json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())}
    (folder / "audio").mkdir()
    lines = []
    for i, (file, (verdict, rules)) in enumerate(LABELS.items()):
        shutil.copy(DEFAULT_RECORDINGS_DIR / file, folder / "audio" / file)
        lines.append(
            {
                "call_id": file.split(".")[0],
                "audio": f"audio/{file}",
                "campaign": manifest[file]["campaign"],
                "expected_verdict": verdict,
                "expected_rules": rules,
                "split": ("tune", "report")[i % 2],
                "description": "shipped recording",
            }
        )
    (folder / "labels.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    return folder


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("transcripts")


def callscript_eval(monkeypatch, db_url: str, *args: str) -> dict:
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["eval", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def table_contents(db: psycopg.Connection) -> dict[str, int]:
    tables = db.execute(
        "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables "
        "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
    ).fetchall()
    return {
        t["name"]: db.execute(f"SELECT count(*) AS n FROM {t['name']}").fetchone()[
            "n"
        ]  # names from the catalog
        for t in tables
    }


def test_eval_reports_precision_recall_confusion_and_the_wrong_call_without_writing_the_database(
    monkeypatch, db_url, db, corpus, cache_dir
) -> None:
    before = table_contents(db)

    report = callscript_eval(monkeypatch, db_url, str(corpus), "--cache-dir", str(cache_dir))

    assert table_contents(db) == before  # no table created, no row written
    overall = report["overall"]
    assert overall["calls"] == 5 and overall["violating"] == 2 and overall["flagged"] == 3
    assert overall["flagged_precision"] == pytest.approx(0.667)  # 2 true flags of 3
    assert overall["violating_recall"] == 1.0
    assert overall["f1"] == pytest.approx(0.8)
    assert overall["needs_review_rate_compliant"] == 0.0
    assert (overall["false_flags"], overall["missed"]) == (1, 0)
    assert report["confusion"] == {
        "compliant": {"compliant": 2, "flagged": 1, "needs_review": 0},
        "flagged": {"compliant": 0, "flagged": 2, "needs_review": 0},
    }
    tpmo = report["per_rule"]["tpmo_disclaimer"]
    assert (tpmo["calls"], tpmo["flagged"], tpmo["flagged_precision"]) == (2, 1, 0.0)  # Medicare calls only
    assert report["per_rule"]["do_not_call"]["violating_recall"] == 1.0
    assert report["per_rule"]["sensitive_data"]["flagged_precision"] == 1.0

    (wrong,) = report["wrong_calls"]
    assert wrong["call_id"] == "medicare_no_tpmo_stereo"
    assert (wrong["expected_verdict"], wrong["predicted_verdict"]) == ("compliant", "flagged")
    assert wrong["extra_rules"] == ["tpmo_disclaimer"] and wrong["missed_rules"] == []
    evidence = [e for e in wrong["evidence"] if e["rule_id"] == "tpmo_disclaimer"]
    assert evidence and all(e["source"] == "rules" for e in evidence)
    assert "agent: " in wrong["transcript_opening"] and "Liberty Health" in wrong["transcript_opening"]
    assert report["transcripts"]["transcribed"] + report["transcripts"]["cached"] == 5
    # the releases that decoded: the same audio may be heard otherwise by another release
    assert report["engine"] == {
        "faster-whisper": importlib.metadata.version("faster-whisper"),
        "ctranslate2": importlib.metadata.version("ctranslate2"),
    }


def test_rejudging_with_a_new_policy_reuses_the_transcripts(
    monkeypatch, db_url, corpus, cache_dir, tmp_path
) -> None:
    callscript_eval(monkeypatch, db_url, str(corpus), "--cache-dir", str(cache_dir))  # fills the cache
    policy = yaml.safe_load(resources.files("callscript_dagster.policy").joinpath(DEFAULT_POLICY).read_text())
    policy["version"] = "eval-without-tpmo"
    policy["rules"] = [r for r in policy["rules"] if r["id"] != "tpmo_disclaimer"]
    policy_file = tmp_path / "policy.yaml"
    policy_file.write_text(yaml.safe_dump(policy))

    report = callscript_eval(
        monkeypatch, db_url, str(corpus), "--cache-dir", str(cache_dir), "--policy", str(policy_file)
    )

    assert report["transcripts"] == {"transcribed": 0, "cached": 5}
    assert report["policy_version"] == "eval-without-tpmo"
    assert report["overall"]["flagged_precision"] == 1.0 and report["wrong_calls"] == []
    assert "tpmo_disclaimer" not in report["per_rule"]


def test_eval_of_one_split_judges_only_its_calls(monkeypatch, db_url, corpus, cache_dir) -> None:
    report = callscript_eval(
        monkeypatch, db_url, str(corpus), "--cache-dir", str(cache_dir), "--split", "tune"
    )

    assert report["split"] == "tune" and report["overall"]["calls"] == 3


def test_eval_refuses_labels_naming_rules_the_policy_lacks(monkeypatch, db_url, tmp_path) -> None:
    (tmp_path / "a.wav").write_bytes((DEFAULT_RECORDINGS_DIR / "medicare_compliant_mono.wav").read_bytes())
    label = {
        "call_id": "x",
        "audio": "a.wav",
        "expected_verdict": "flagged",
        "expected_rules": ["no_such_rule"],
    }
    (tmp_path / "labels.jsonl").write_text(json.dumps(label) + "\n")
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()

    result = CliRunner().invoke(app, ["eval", str(tmp_path)])

    assert result.exit_code == 2
    assert "no_such_rule" in result.output


def test_eval_with_llm_asks_the_openai_compatible_server_once_per_call(
    monkeypatch, db_url, corpus, cache_dir
) -> None:
    from callscript_simulators.openai import OpenAISimulator

    sim = OpenAISimulator(api_key="sk-sim-eval-0123456789", models=["sim-judge-1"])
    with sim.serve() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", f"{server.url}/v1")
        monkeypatch.setenv("OPENAI_API_KEY", "sk-sim-eval-0123456789")
        monkeypatch.setenv("CALLSCRIPT_JUDGE_MODEL", "sim-judge-1")
        report = callscript_eval(monkeypatch, db_url, str(corpus), "--cache-dir", str(cache_dir), "--llm")

    assert report["mode"] == "rules+llm"
    assert len(sim.requests) == 5
    # The violations the rules catch stay caught with the LLM's opinion added.
    assert report["overall"]["violating_recall"] == 1.0
    assert "sk-sim-eval" not in json.dumps(report)


EVAL_LABELS = Path(__file__).parent.parent / "eval" / "labels.jsonl"


def said_corpus(folder: Path, labels: list[dict]) -> Path:
    """A corpus whose audio is not audio at all: `--said` must never open it."""
    for label in labels:
        (folder / label["audio"]).write_bytes(b"not audio")
    (folder / "labels.jsonl").write_text("".join(json.dumps(label) + "\n" for label in labels))
    return folder


def shipped_label(call_id: str) -> dict:
    labels = (json.loads(line) for line in EVAL_LABELS.read_text().splitlines())
    label = next(label for label in labels if label["call_id"] == call_id)
    return {**label, "audio": f"{call_id}.ogg"}


def test_eval_said_judges_what_the_labelled_lines_say_without_transcribing(
    monkeypatch, db_url, tmp_path
) -> None:
    compliant = shipped_label("guarantee-ok-cant-promise")  # stereo: "I can't promise ..."
    promised = {
        **compliant,
        "call_id": "promised",
        "audio": "promised.ogg",
        "expected_verdict": "flagged",
        "expected_rules": ["guaranteed_outcome"],
        "lines": [
            *compliant["lines"],
            {"speaker": "agent", "text": "Honestly, I guarantee you'll be approved.", "start": 90, "end": 93},
        ],
    }
    mono = shipped_label("ident-ok-im-from")
    corpus = said_corpus(tmp_path, [compliant, promised, mono])

    report = callscript_eval(monkeypatch, db_url, str(corpus), "--said")

    assert report["model"] == "said (the labelled lines)" and report["engine"] is None
    assert report["transcripts"] == {"transcribed": 0, "cached": 0}
    assert report["wrong_calls"] == []  # the promise added to the lines is flagged, the rest is compliant
    assert report["confusion"]["flagged"]["flagged"] == 1
    assert report["per_rule"]["guaranteed_outcome"]["flagged_precision"] == 1.0


def test_said_transcripts_keep_stereo_speakers_and_give_mono_words_no_speaker(tmp_path) -> None:
    from callscript_dagster.evaluation import LabelledCall, SaidTranscripts

    said = SaidTranscripts()
    stereo = said.for_call(tmp_path, LabelledCall.model_validate(shipped_label("guarantee-ok-cant-promise")))
    mono = said.for_call(tmp_path, LabelledCall.model_validate(shipped_label("ident-ok-im-from")))

    assert stereo.speakers == ["agent", "caller"] and mono.speakers == ["unknown"]
    first = shipped_label("ident-ok-im-from")["lines"][0]
    assert " ".join(w.text for w in mono.words[: len(first["text"].split())]) == first["text"]
    assert mono.words[0].start == first["start"] and all(w.probability == 1.0 for w in mono.words)


def test_eval_said_refuses_a_call_without_lines(monkeypatch, db_url, tmp_path) -> None:
    label = {**shipped_label("ident-ok-im-from"), "lines": None}
    corpus = said_corpus(tmp_path, [label])
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()

    result = CliRunner().invoke(app, ["eval", str(corpus), "--said"])

    assert result.exit_code == 2
    assert "ident-ok-im-from: no `lines`" in result.output


@pytest.mark.parametrize(
    ("pairs", "precision", "recall", "review_rate"),
    [
        # needs_review on a violating call counts for recall (a human sees it), never as a flag
        ([(True, "flagged"), (True, "needs_review"), (False, "compliant")], 1.0, 1.0, 0.0),
        (
            [(True, "compliant"), (False, "flagged"), (False, "needs_review"), (False, "compliant")],
            0.0,
            0.0,
            0.333,
        ),
        ([(False, "compliant")], None, None, 0.0),  # nothing flagged, nothing violating: undefined, not 0
    ],
)
def test_scores_follow_the_documented_definitions(pairs, precision, recall, review_rate) -> None:
    from callscript_dagster.evaluation import scores

    s = scores(pairs)

    assert (s["flagged_precision"], s["violating_recall"]) == (precision, recall)
    assert s["needs_review_rate_compliant"] == review_rate
