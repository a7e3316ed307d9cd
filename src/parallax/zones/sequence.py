"""An incident's escalation sequence across its sources: steps in ladder order, and contradictions
(one source tells a warning was given, another that none was)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from parallax.schema import (Article, EscalationContradiction, EscalationSequence, EscalationStep,
                             EventMention, Incident, ZoneSurvey)
from parallax.settings import Settings
from parallax.zones.escalation import EscalationLexicon

STRIKE = "strike"


def _speaker_key(step: EscalationStep) -> str:
    return step.speaker.normalized.lower() if step.speaker else f"outlet:{step.article_id}"


def steps_of_mention(steps: Iterable[EscalationStep], mention: EventMention,
                     article_mentions: Sequence[EventMention]) -> list[EscalationStep]:
    """The steps of `mention`'s article that belong to it: those told in its sentences, plus (when
    it is the article's main mention, its first one not in the background) the steps told outside
    every mention's sentences. A strike counts once, the first told in the mention's sentences."""
    main = next((m for m in article_mentions if not m.background), None)
    chosen, strike_seen = [], False
    for step in steps:
        owner = next((m for m in article_mentions if _tells(m, step)), None)
        if owner is None and main is not None and main.id == mention.id:
            owner = mention
        if owner is None or owner.id != mention.id:
            continue
        if step.step == STRIKE:
            if strike_seen or not _tells(mention, step):
                continue
            strike_seen = True
        chosen.append(step)
    return chosen


def _tells(mention: EventMention, step: EscalationStep) -> bool:
    return any(s.start <= step.span.start < s.end for s in mention.sentences)


def _unique(steps: Iterable[EscalationStep]) -> list[EscalationStep]:
    """One step per (article, step, denied, speaker): an article repeating itself counts once."""
    seen: dict[tuple[str, str, bool, str], EscalationStep] = {}
    for step in steps:
        seen.setdefault((step.article_id, step.step, step.negated, _speaker_key(step)), step)
    return list(seen.values())


def contradictions(steps: Sequence[EscalationStep], lexicon: EscalationLexicon) -> list[EscalationContradiction]:
    """Each denied step against the first step it covers that another speaker asserts; one
    contradiction per (step, denying speaker)."""
    found: dict[tuple[str, str], EscalationContradiction] = {}
    for denied in (s for s in steps if s.negated):
        covered = lexicon.covered_by(denied.step)
        for asserted in steps:
            if asserted.negated or asserted.step not in covered or _speaker_key(asserted) == _speaker_key(denied):
                continue
            found.setdefault((asserted.step, _speaker_key(denied)),
                             EscalationContradiction(asserted.step, asserted, denied))
    return list(found.values())


def build_sequence(incident: Incident, steps_by_article: Mapping[str, Sequence[EscalationStep]],
                   mentions_by_article: Mapping[str, Sequence[EventMention]],
                   lexicon: EscalationLexicon) -> EscalationSequence:
    """The incident's steps from all its mentions, by rank then reading order, with contradictions.
    `mentions_by_article`: every mention of each article (of any incident), in reading order."""
    order = {article_id: n for n, article_id in enumerate(incident.article_ids)}
    steps = [s for m in incident.mentions
             for s in steps_of_mention(steps_by_article.get(m.article_id, ()), m,
                                       mentions_by_article.get(m.article_id, (m,)))]
    steps = sorted(_unique(steps), key=lambda s: (s.rank, order.get(s.article_id, 0), s.span.start))
    return EscalationSequence(incident.id, tuple(steps), tuple(contradictions(steps, lexicon)))


def mentions_by_article(incidents: Iterable[Incident]) -> dict[str, list[EventMention]]:
    grouped: dict[str, list[EventMention]] = {}
    for mention in (m for i in incidents for m in i.mentions):
        grouped.setdefault(mention.article_id, []).append(mention)
    return {a: sorted(ms, key=lambda m: m.trigger.start) for a, ms in grouped.items()}


def escalations_for(survey: ZoneSurvey, incidents: Sequence[Incident], articles: Mapping[str, Article],
                    settings: Settings) -> ZoneSurvey:
    """The survey with the escalation sequence of each violation: parses the violations' articles.
    `incidents`: every stored incident, so each article's mentions are all known."""
    from parallax.extract.claim_lexicon import load_claim_lexicon
    from parallax.nlp.pipeline import load_nlp, parse_articles
    from parallax.zones.escalation import extract_escalation, load_escalation_lexicon
    violating = list({v.incident.id: v.incident for v in survey.violations}.values())
    wanted = {a: articles[a] for i in violating for a in i.article_ids if a in articles}
    lexicon, claims = load_escalation_lexicon(settings.data_dir), load_claim_lexicon(settings.data_dir)
    nlp = load_nlp(settings.spacy_model)
    steps = {article.id: extract_escalation(doc, article, lexicon, claims)
             for article, doc in parse_articles(wanted.values(), nlp, settings.batch_size)}
    grouped = mentions_by_article(incidents)
    sequences = (build_sequence(i, steps, grouped, lexicon) for i in violating)
    return replace(survey, escalations=tuple(s for s in sequences if any(t.step != STRIKE for t in s.steps)))
