"""The self-contained HTML report: each reconciled incident beside what every source says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from parallax import __version__
from parallax.framing import describe_framing
from parallax.report import framing_view, reconciliation_view, views, zones_view
from parallax.report.files import replaced
from parallax.schema import Article, FramingOverview, Incident, Rejected, RunSummary, ZoneSurvey

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    """Autoescaping on for everything: article texts, titles and names are hostile input."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        sources_of=views.sources_of, outlet_name=views.outlet_name, claims_of=views.claims_of,
        highlight=views.highlight, date_label=views.date_label, date_told=views.date_told,
        place_label=views.place_label, place_told=views.place_told, coordinates=views.coordinates,
        figure_range=views.figure_range, n_sources=views.n_sources, safe_url=views.safe_url,
        published=views.published_label,
        date_precision=views.DATE_PRECISION, geo_precision=views.GEO_PRECISION)
    env.globals.update(  # the framing partial (templates/framing.html)
        labels_by_referent=framing_view.labels_by_referent, marker_groups=framing_view.marker_groups,
        percent=framing_view.percent, context_counts=framing_view.context_counts)
    env.globals.update(  # the reconciliation partial (templates/reconciliation.html)
        reconciliation_of=reconciliation_view.reconciliation_of, omissions_of=reconciliation_view.omissions_of,
        link_label=reconciliation_view.link_label, group_labels=reconciliation_view.group_labels,
        follow_up_labels=reconciliation_view.follow_up_labels)
    env.globals.update(zones_view.template_globals())  # the zones partial (templates/zones.html)
    return env


def render_report(incidents: Sequence[Incident], articles_by_id: Mapping[str, Article],
                  summary: RunSummary | None = None, generated: datetime | None = None,
                  framing: FramingOverview | None = None, zones: ZoneSurvey | None = None,
                  rejected: Sequence[Rejected] | None = None) -> str:
    """The report as one HTML string; `summary` adds the last run's counts; `rejected` lists the
    inputs every run skipped (default: the last run's); `framing` defaults to describing the
    incidents with the shipped framing lexicon."""
    main, background = views.report_order(incidents, articles_by_id)
    framing = framing or describe_framing(incidents, articles_by_id)
    return environment().get_template("report.html").render(
        main=main, background=background, articles=articles_by_id, summary=summary,
        rejected=list(rejected) if rejected is not None else list(summary.rejected if summary else ()),
        framing=framing_view.framing_index(framing), outlets=framing.outlets,
        store_counts=views.store_counts(incidents, articles_by_id), run_counts=views.run_counts(summary),
        generated=(generated or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip(),
        version=__version__, **zones_view.template_context(zones))


def write_report(incidents: Sequence[Incident], articles_by_id: Mapping[str, Article], path: Path,
                 summary: RunSummary | None = None, framing: FramingOverview | None = None,
                 zones: ZoneSurvey | None = None, rejected: Sequence[Rejected] | None = None) -> Path:
    path = Path(path)
    page = render_report(incidents, articles_by_id, summary, framing=framing, zones=zones, rejected=rejected)
    with replaced(path) as part:
        part.write_text(page, encoding="utf-8")
    return path
