"""The compliance policy: a versioned YAML file of rules that the Judge applies to every call.

A rule says what compliance cares about (title, severity, citation), which calls it covers (`scope`), how the
LLM judge should weigh it (`llm_guidance`) and, optionally, deterministic `detectors` that find violations in
the word-timed transcript. Detectors are data — phrases and regexes with a speaker and a time window — so an
operator changes the policy without changing code. How detectors run is documented in `rules.py`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from fnmatch import fnmatchcase
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from callscript_dagster.text import phrase_pattern, tokens, whole_tokens

DEFAULT_POLICY = "default_policy.yaml"

Severity = Literal["critical", "high", "medium", "low"]
# "agent" and "caller" also hear "unknown" speech (mono recordings); see rules.py.
SpeakerConstraint = Literal["agent", "caller", "any"]


class PolicyError(ValueError):
    """A policy file that cannot be used; str() is a message for the operator who wrote it."""


def _check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)  # alone first, so an error's position is in the operator's pattern
        compiled = whole_tokens(pattern)
    except re.error as err:
        raise ValueError(f"invalid regex '{pattern}': {err}") from None
    if compiled.fullmatch(""):
        raise ValueError(f"regex '{pattern}' matches empty text")
    return pattern


# In a pattern, `~word` is the word or any of its `sound_alikes` ("~calling": "calling", "clawing", "falling").
_SOUND_ALIKE_REF = re.compile(r"(?<![\w\\])~([a-z0-9]+)\b")


def expand_sound_alikes(pattern: str, sound_alikes: dict[str, list[str]]) -> str:
    """`pattern` with each `~word` replaced by an alternation of the word and its sound-alikes."""

    def alternation(ref: re.Match[str]) -> str:
        word = ref.group(1)
        if word not in sound_alikes:
            raise ValueError(f"'~{word}' in pattern '{pattern}': sound_alikes has no entry '{word}'")
        return "(?:" + "|".join(dict.fromkeys([word, *sound_alikes[word]])) + ")"

    return _SOUND_ALIKE_REF.sub(alternation, pattern)


def _with_sound_alikes(node: Any, sound_alikes: dict[str, list[str]]) -> Any:
    """Raw policy data with every pattern string (in any `patterns` list) expanded."""
    if isinstance(node, list):
        return [_with_sound_alikes(item, sound_alikes) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: [expand_sound_alikes(p, sound_alikes) if isinstance(p, str) else p for p in value]
        if key == "patterns" and isinstance(value, list)
        else _with_sound_alikes(value, sound_alikes)
        for key, value in node.items()
    }


def _check_sound_alike(word: str) -> str:
    if word != " ".join(tokens(word)) or " " in word:
        raise ValueError(f"'{word}' must be one normalized word (lowercase letters or digits, no apostrophe)")
    return word


def _check_phrase(phrase: str) -> str:
    if not any(ch.isalnum() for ch in phrase):
        raise ValueError(f"phrase '{phrase}' has no words")
    return phrase


Text = Annotated[str, Field(min_length=1)]
Phrase = Annotated[str, AfterValidator(_check_phrase)]
Regex = Annotated[str, AfterValidator(_check_regex)]
SoundAlike = Annotated[str, AfterValidator(_check_sound_alike)]


class _Strict(BaseModel):
    # extra="forbid": a misspelt key in a hand-written policy must fail loudly, not silently do nothing.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phrases(_Strict):
    """Text to look for; any phrase or pattern matching is a match."""

    phrases: list[Phrase] = Field(default_factory=list, description="words, normalized like the transcript")
    patterns: list[Regex] = Field(default_factory=list, description="regexes over the normalized text")

    @functools.cached_property
    def regexes(self) -> list[re.Pattern[str]]:
        """The phrases and patterns compiled once per policy load, matching whole normalized tokens."""
        return [whole_tokens(phrase_pattern(p)) for p in self.phrases] + [
            whole_tokens(p) for p in self.patterns
        ]

    def regexes_for(self, text: str) -> list[re.Pattern[str]]:
        """`regexes`, less the phrases that do not occur in `text` at all: a substring test is far cheaper
        than a regex scan of a 30-minute call, and a phrase matches only where its words stand as written."""
        return [
            regex
            for needle, regex in zip(self._literals, self.regexes, strict=False)
            if needle is None or needle in text
        ]

    @functools.cached_property
    def _literals(self) -> list[str | None]:
        return [" ".join(tokens(p)) for p in self.phrases] + [None] * len(self.patterns)


class _Detector(_Strict):
    speaker: SpeakerConstraint = "any"
    within_seconds: float | None = Field(
        default=None, gt=0, description="only the first N seconds, counted from the speaker's first word"
    )
    label: str | None = Field(default=None, description="what it looks for, in words, for rationales")
    outcome: Literal["flagged", "needs_review"] = Field(
        default="flagged",
        description="what a finding of this detector makes its rule: needs_review for evidence that asks a "
        "person to listen rather than proves a violation (the agent asking for a full card number)",
    )


class _TextDetector(_Detector, Phrases):
    unless: Phrases = Field(default_factory=Phrases, description="a match overlapping one of these is void")
    min_similarity: float = Field(
        default=1.0,
        gt=0,
        le=1,
        description="below 1, `phrases` also match misheard: by character alignment over the normalized "
        "words, at least this share of the phrase found in order (patterns stay exact)",
    )
    min_word_probability: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="the transcriber's mean word probability below which the words this detector decides on "
        "are too uncertain: the rule's verdict is then needs_review instead of flagged",
    )
    within_sentence: bool = Field(
        default=False,
        description="a match must lie within one sentence as transcribed (no . ? ! inside it): lets a pattern "
        "pair words that carry a meaning together ('promise' ... 'approved') without pairing two sentences",
    )
    review_similarity: float | None = Field(
        default=None,
        gt=0,
        lt=1,
        description="below `min_similarity`: a phrase matched only this alike is a near match, which the "
        "transcript cannot settle (misheard, or not said?): a forbidden phrase or a trigger heard so is "
        "needs_review, and so is a required statement whose nearest wording is so close",
    )

    @functools.cached_property
    def needles(self) -> list[str]:
        """The phrases as normalized text, for fuzzy matching."""
        return [" ".join(tokens(p)) for p in self.phrases]

    @property
    def fuzzy_floor(self) -> float:
        """The least similarity at which a phrase is worth reporting: near matches included."""
        return min(self.min_similarity, self.review_similarity or 1.0)

    @model_validator(mode="after")
    def _has_text(self) -> _TextDetector:
        if not (self.phrases or self.patterns):
            raise ValueError("needs at least one phrase or pattern")
        if self.review_similarity is not None and self.review_similarity >= self.min_similarity:
            raise ValueError("review_similarity must be below min_similarity")
        if self.review_similarity is not None and not self.phrases:
            raise ValueError("review_similarity needs phrases (patterns match exactly)")
        return self


class ForbiddenDetector(_TextDetector):
    """A match is a violation."""

    kind: Literal["forbidden"]


class UnclearStretch(_Strict):
    """`words` consecutive words heard at a mean probability below `below`: room for a statement misheard."""

    words: int = Field(default=4, ge=1, description="about the length of the shortest wording searched for")
    below: float = Field(gt=0, le=1)


class RequiredDetector(_TextDetector):
    """No match within the window is a violation."""

    kind: Literal["required"]
    near: Phrases = Field(
        default_factory=Phrases,
        description="wording that may be the statement misheard (an introduction whose name came out as "
        "other words): found in the window while the statement is missing, the absence is needs_review",
    )
    unclear_stretch: UnclearStretch | None = Field(
        default=None,
        description="a stretch of the window heard this unclearly may hide the statement: while it is "
        "missing, the absence is needs_review (a window's mean probability hides one garbled sentence)",
    )


# What turns a confirmation into more talk in English, for policies that do not say (`then.acknowledged_by.turns`).
DEFAULT_TURNS = ("but", "however", "although", "though", "before you go", "before i do", "while i have you")


class Acknowledgement(_Strict):
    """Sentences that do not count after a trigger because they carry one of `words` ("remove", "list",
    "understood", ...), each matched as a whole word at `min_similarity` or better, so two misheard words
    elsewhere in the sentence don't turn an acknowledgement into "went on talking"."""

    words: list[Annotated[str, AfterValidator(_check_phrase)]] = Field(default_factory=list)
    min_similarity: float = Field(default=0.8, gt=0, le=1)
    max_sentence_words: int = Field(
        default=20,
        ge=1,
        description="a longer sentence is a pitch that mentions the list, not a confirmation",
    )
    turns: list[Annotated[str, AfterValidator(_check_phrase)]] = Field(
        default_factory=lambda: list(DEFAULT_TURNS),
        description='words that turn a confirmation into something else ("noted, but ..."): the sentence '
        "acknowledges only up to them",
    )

    @functools.cached_property
    def keywords(self) -> frozenset[str]:
        return frozenset(token for word in self.words for token in tokens(word))

    @functools.cached_property
    def turn_tokens(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(tokens(turn)) for turn in self.turns)


class Continuation(_Strict):
    """How much `speaker` may still say after a sequence detector's trigger."""

    speaker: SpeakerConstraint = "any"
    max_words: int | None = Field(default=None, ge=0)
    max_turns: int | None = Field(default=None, ge=0)
    unless: Phrases = Field(
        default_factory=Phrases, description="speech that does not count (acknowledgements)"
    )
    acknowledged_by: Acknowledgement = Field(default_factory=Acknowledgement)
    min_word_probability: float | None = Field(
        default=None, ge=0, le=1, description="as for text detectors, over the words counted"
    )

    @model_validator(mode="after")
    def _has_limit(self) -> Continuation:
        if self.max_words is None and self.max_turns is None:
            raise ValueError("needs max_words or max_turns")
        return self


class SequenceDetector(_TextDetector):
    """The trigger (phrases/patterns) followed by more than `then` allows is a violation."""

    kind: Literal["sequence"]
    then: Continuation


class DigitsDetector(_Detector):
    """A run of spoken digits of the given length that passes `check` is a violation."""

    kind: Literal["digits"]
    min_digits: int = Field(ge=1)
    max_digits: int | None = Field(default=None, description="defaults to min_digits")
    check: Literal["none", "luhn", "ssn"] = "none"

    @model_validator(mode="after")
    def _lengths(self) -> DigitsDetector:
        if self.max_digits is not None and self.max_digits < self.min_digits:
            raise ValueError("max_digits must be >= min_digits")
        return self


Detector = Annotated[
    ForbiddenDetector | RequiredDetector | SequenceDetector | DigitsDetector, Field(discriminator="kind")
]


class Scope(_Strict):
    """Which calls a rule covers."""

    campaigns: list[Text] = Field(min_length=1, description="case-insensitive globs on the campaign name")

    def covers(self, campaign: str | None) -> bool:
        # An unknown campaign is not assumed to be, say, Medicare: scoped rules need evidence they apply.
        return campaign is not None and any(fnmatchcase(campaign.lower(), p.lower()) for p in self.campaigns)


class Rule(_Strict):
    id: str
    title: Text
    severity: Severity
    scope: Scope | None = Field(default=None, description="absent: every call")
    detectors: list[Detector] = Field(default_factory=list, description="empty: judged by the LLM only")
    llm_guidance: Text
    citation: Text

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
            raise ValueError("must be a slug like 'do_not_call' (lowercase letters, digits, _)")
        return value

    def applies_to(self, campaign: str | None) -> bool:
        """Whether this rule judges a call of `campaign`."""
        return self.scope is None or self.scope.covers(campaign)


class Policy(_Strict):
    version: str
    name: Text
    description: Text
    sound_alikes: dict[SoundAlike, list[SoundAlike]] = Field(
        default_factory=dict,
        description="word -> how the transcriber is known to write it; `~word` in a pattern is any of them",
    )
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _expand_sound_alikes(cls, data: Any) -> Any:
        """Every `~word` in the rules' patterns spelled out as the word or its sound-alikes, before the
        patterns are checked and compiled: one list per word, for every pattern that needs it."""
        if not isinstance(data, dict):
            return data  # field validation says what is wrong
        alikes = data.get("sound_alikes") or {}
        if not isinstance(alikes, dict) or not all(
            isinstance(words, list) and all(isinstance(w, str) for w in words) for words in alikes.values()
        ):
            return data  # field validation says what is wrong
        rules = data.get("rules")
        if not isinstance(rules, list):
            return data
        expanded = []
        for i, rule in enumerate(rules):
            try:
                expanded.append(_with_sound_alikes(rule, alikes))
            except ValueError as err:
                rule_id = rule.get("id") if isinstance(rule, dict) else None
                raise ValueError(
                    f"rule '{rule_id}': {err}" if isinstance(rule_id, str) else f"rules[{i}]: {err}"
                ) from None
        return {**data, "rules": expanded}

    @field_validator("version", mode="before")
    @classmethod
    def _quoted(cls, value: Any) -> Any:
        if not isinstance(value, str) or not value.strip():
            # YAML reads `version: 2026.11` as a float; say how to fix it rather than "not a string".
            raise ValueError('must be a quoted string such as "2026.11.1"')
        return value

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id '{rule.id}'")
            seen.add(rule.id)
        return rules

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; KeyError if the policy has none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def applicable_rules(self, campaign: str | None) -> list[Rule]:
        """The rules that judge a call of `campaign` (None: unknown campaign, only unscoped rules)."""
        return [rule for rule in self.rules if rule.applies_to(campaign)]

    @property
    def fingerprint(self) -> str:
        """sha256 of the policy's canonical content: tells apart two files with the same version but different
        rules, and ignores formatting, comments and key order."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


class Finding(BaseModel):
    """One piece of evidence that a call broke a rule."""

    rule_id: str
    severity: Severity
    speaker: str = Field(description="who said it (transcript label), or for an absence who should have")
    start: float = Field(ge=0, description="seconds: the matched words, or the window searched in vain")
    end: float = Field(ge=0)
    quote: str = Field(description="the transcript's words verbatim; '' for an absence")
    redacted_quote: str | None = Field(
        default=None, description="the quote with digits masked (sensitive data)"
    )
    detector: str = Field(description="which detector fired, e.g. 'detectors[0]:required'")
    rationale: str
    source: Literal["rules", "llm"] = "rules"
    uncertain: str | None = Field(
        default=None,
        description="why the transcript cannot settle this finding (unclear words, unknown speaker); the "
        "rule's verdict is then needs_review rather than flagged",
    )


def load_policy(path: Path | None = None) -> Policy:
    """Load and validate a policy file; None loads the shipped default pay-per-call policy.

    Raises PolicyError naming the file, the rule and the field of every problem found."""
    if path is None:
        text = resources.files(__package__).joinpath(DEFAULT_POLICY).read_text(encoding="utf-8")
        return parse_policy(text, source=DEFAULT_POLICY)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise PolicyError(f"{path}: cannot read: {err.strerror}") from err
    return parse_policy(text, source=path.name)


def parse_policy(text: str, source: str = "policy.yaml") -> Policy:
    """Validate policy YAML text; `source` names it in error messages."""
    try:
        raw = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as err:
        raise PolicyError(f"{source}: not valid YAML: {' '.join(str(err).split())}") from None
    if not isinstance(raw, dict):
        raise PolicyError(f"{source}: must be a mapping with version, name, description and rules")
    try:
        return Policy.model_validate(raw)
    except ValidationError as err:
        raise PolicyError("\n".join(_explain(source, error, raw) for error in err.errors())) from None


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML silently keeps the last of two equal keys; in a policy that drops a list of phrases unseen."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key '{key_node.value}'", key_node.start_mark
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def _explain(source: str, error: ErrorDetails, raw: dict[str, Any]) -> str:
    """`policy.yaml: rule 'tpmo_disclaimer': detectors[0].within_seconds: must be > 0` from a pydantic error."""
    loc, node, rule = list(error["loc"]), raw, ""
    if loc[:1] == ["rules"] and len(loc) > 1 and isinstance(loc[1], int):
        node = raw["rules"][loc[1]]
        rule_id = node.get("id") if isinstance(node, dict) else None
        rule = f"rule '{rule_id}'" if isinstance(rule_id, str) else f"rules[{loc[1]}]"
        loc = loc[2:]
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, dict) and part not in node and node.get("kind") == part:
            continue  # pydantic names the detector class chosen by `kind`; the file has no such level
        else:
            path += f".{part}" if path else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return ": ".join(part for part in (source, rule, path, _message(error)) if part)


def _message(error: ErrorDetails) -> str:
    ctx = error.get("ctx", {})
    match error["type"]:
        case "missing":
            return "required"
        case "extra_forbidden":
            return "unknown field"
        case "greater_than":
            return f"must be > {ctx['gt']:g}"
        case "greater_than_equal":
            return f"must be >= {ctx['ge']:g}"
        case "string_too_short" | "too_short":
            return "must not be empty"
        case "value_error":
            return str(ctx["error"])
        case "union_tag_invalid":
            return f"unknown kind '{ctx['tag']}' (expected {ctx['expected_tags']})"
        case "union_tag_not_found":
            return "needs a kind: forbidden, required, sequence or digits"
    return error["msg"].replace("Input should be", "must be")
