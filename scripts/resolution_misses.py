"""List the GVA article pairs that incident resolution gets wrong, with the evidence behind each, to
study misses by pattern. Extracted mentions are cached (pickle) so re-runs only re-resolve.

    .venv/bin/python scripts/resolution_misses.py --data ../shared/data --split dev --cache /tmp/res_dev.pkl

Prints the split's scores, then each missed pair (gold says one incident, resolution two) and each
wrong pair (resolution one, gold two): the two articles' dates and places, the pair's evidence and
score, or the hard conflict that kept them apart; a missed pair scoring above the threshold also
gets the members of its two incidents that conflict (merging is complete-link on conflicts) or
"not a candidate pair" when blocking never proposed it. With --linked, the pairs still missed when each
follow-up story counts in the incident it is linked to, and why no link joined them (what the two
incidents share, their gap in days). Study the dev split only; report held-out.
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from itertools import combinations
from pathlib import Path

from parallax.evaluate import resolution_gva as gva
from parallax.resolve import follow_ups as fu
from parallax.resolve.features import with_reference_date
from parallax.resolve.incidents import resolve_incidents
from parallax.resolve.scoring import DATES_DIFFER, SAME_ARTICLE, conflict, evidence, follow_up_member, score, told_apart
from parallax.settings import Settings


def load(folder: Path, split: str, limit: int | None, cache: Path | None, settings: Settings):
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    pairs = gva.gva_sample(folder, limit, split)
    gold = {article.id: incident for incident, article in pairs}
    articles = list({a.id: a for _, a in pairs}.values())
    state = (gold, {a.id: a for a in articles}, gva.extract_mentions(articles, settings))
    if cache:
        cache.write_bytes(pickle.dumps(state))
    return state


def describe(mention, published) -> str:
    m = with_reference_date(mention, published)
    place = f"{m.place.name}/{m.place.admin1}/{m.place.country} p{int(m.place.precision)}" if m.place else "-"
    when = f"{m.date.value} p{int(m.date.precision)} '{m.date.expression}'" if m.date else "-"
    return f"{m.trigger.text!r} {when} @ {place}"


def kept_apart(a, b, incidents, articles, settings) -> str:
    """For a pair scoring above the threshold with no conflict of its own: the members of the two
    incidents that conflict (merging is complete-link on conflicts), or 'not a candidate pair'."""
    of = {m.id: i for i in incidents for m in i.mentions}
    dated = {m.id: with_reference_date(m, articles[m.article_id].published)
             for m in (*of[a.id].mentions, *of[b.id].mentions)}
    members = list(dated.values())

    def why(x, y) -> str:  # as clustering judges it: a follow-up report's date does not count
        found = conflict(dated[x.id], dated[y.id], settings.max_day_gap)
        if found == SAME_ARTICLE:  # two mentions of one article that tell nothing apart may merge
            found = told_apart(dated[x.id], dated[y.id], settings.max_day_gap)
        waived = found == DATES_DIFFER and follow_up_member(dated[x.id], dated[y.id], members, settings.max_day_gap)
        return "" if waived else found
    found = [f"{x.id[:8]}/{y.id[:8]} {why(x, y)}" for x in of[a.id].mentions for y in of[b.id].mentions if why(x, y)]
    return "; ".join(found[:3]) if found else "not a candidate pair (blocking)"


def pair_report(a, b, articles) -> str:
    ma = with_reference_date(a, articles[a.article_id].published)
    mb = with_reference_date(b, articles[b.article_id].published)
    why = conflict(ma, mb, Settings().max_day_gap)
    if why:
        return f"CONFLICT {why}"
    found = evidence(ma, mb)
    return f"{score(found):.2f} " + "; ".join(f"{e.name} {e.weight:+.2f} ({e.detail[:40]})" for e in found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--split", choices=gva.SPLITS, default="dev")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--show", type=int, default=60, help="pairs to print of each kind")
    parser.add_argument("--linked", action="store_true", help="the pairs missed even with follow-up links")
    args = parser.parse_args()
    settings = Settings()
    folder = args.data / "semeval2018t5_gva_incidents_articles"
    gold, articles, by_article = load(folder, args.split, args.limit, args.cache, settings)
    published = {a: x.published for a, x in articles.items()}
    print(gva.score_clusters(gold, by_article, settings, published))
    incidents = resolve_incidents([m for ms in by_article.values() for m in ms], settings, published)
    predicted = gva.article_incidents(by_article, incidents)
    missed, wrong = [], []
    for x, y in combinations(sorted(gold), 2):
        same_gold, same_pred = gold[x] == gold[y], x in predicted and predicted.get(x) == predicted.get(y)
        if same_gold != same_pred:
            (missed if same_gold else wrong).append((x, y))
    print(f"missed pairs {len(missed)}, wrong pairs {len(wrong)}")
    reasons = Counter()
    for kind, found in (("MISSED", missed), ("WRONG", wrong)):
        for n, (x, y) in enumerate(found):
            if x not in by_article or y not in by_article:
                reasons["no mention"] += 1
                continue
            a, b = gva.main_mention(by_article[x]), gva.main_mention(by_article[y])
            report = pair_report(a, b, articles)
            if kind == "MISSED" and not report.startswith("CONFLICT") and float(report.split()[0]) >= settings.match_threshold:
                why = kept_apart(a, b, incidents, articles, settings)
                report += f"\n  KEPT APART by {why}"
                reasons["MISSED above the threshold: " + ("blocking" if why.startswith("not") else why.split(" ", 1)[1].split(";")[0])] += 1
            else:
                reasons[f"{kind} " + (report.split(" ", 1)[1] if report.startswith("CONFLICT") else "low score")] += 1
            if n < args.show:
                print(f"\n{kind} {gold[x]} / {gold[y]}\n  A {describe(a, published[x])} [{articles[x].published}]"
                      f"\n  B {describe(b, published[y])} [{articles[y].published}]\n  {report}")
    print("\n", reasons.most_common())
    if args.linked:
        linked_misses(gold, articles, by_article, incidents, predicted, args.show)


def _why_unlinked(a: str, b: str, told, links, by_id) -> str:
    ta, tb = told[a], told[b]
    if ta.day is not None and tb.day is not None and abs(ta.day - tb.day) < 2:
        return "within 2 days, not merged"
    if not (ta.persons & tb.persons or ta.sites & tb.sites):
        return "nothing shared" + (" (a follow-up cue)" if ta.cue or tb.cue else "")
    if ta.articles & tb.articles:
        return "an article in both (its mentions split)"
    if a in links or b in links:
        return "linked to another incident"
    if fu._places_differ(by_id[a].mentions, by_id[b].mentions):
        return "places differ"
    return "under the threshold"


def linked_misses(gold, articles, by_article, incidents, predicted, show: int) -> None:
    """Pairs of one gold incident in two incidents that no chain of follow-up links joins, by reason."""
    matching = {m.id: with_reference_date(m, articles[m.article_id].published) for ms in by_article.values() for m in ms}
    links = {x.incident_id: x.event_incident_id for x in fu.follow_up_links(incidents, matching)}
    told = fu.told_of(incidents, (m for i in incidents for m in i.mentions), matching)
    by_id = {i.id: i for i in incidents}

    def root(incident_id: str) -> str:
        while incident_id in links:
            incident_id = links[incident_id]
        return incident_id

    reasons, shown = Counter(), Counter()
    for x, y in combinations(sorted(gold), 2):
        if gold[x] != gold[y] or x not in predicted or y not in predicted or root(predicted[x]) == root(predicted[y]):
            continue
        a, b = predicted[x], predicted[y]
        why = _why_unlinked(a, b, told, links, by_id)
        reasons[why] += 1
        if shown[why] < show:
            shown[why] += 1
            gap = abs(told[a].day - told[b].day) if told[a].day is not None and told[b].day is not None else None
            print(f"LINKED-MISSED {why} (gap {gap} days, shared {sorted((told[a].persons | told[a].sites) & (told[b].persons | told[b].sites))[:3]})"
                  f"\n  A {articles[x].title[:80]!r}\n  B {articles[y].title[:80]!r}")
    print("\n", reasons.most_common())


if __name__ == "__main__":
    main()
