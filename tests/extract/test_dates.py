"""Date expressions resolved against the publication date: the rules of docs/dates.md, case by case."""

from __future__ import annotations

from datetime import date, datetime

import dateparser
import pytest
from spacy.tokens import Doc

from parallax.errors import DataFileError
from parallax.extract.date_lexicon import load_date_lexicon, parse_count
from parallax.extract.dates import event_date_for, find_dates, resolve_expression
from parallax.pipeline import analyse_article, load_knowledge
from parallax.schema import Article, DatePrecision
from parallax.settings import Settings

DAY, WEEK, MONTH, UNKNOWN = (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH,
                             DatePrecision.UNKNOWN)
FRIDAY = date(2021, 3, 12)  # publication date of every case below unless stated


@pytest.mark.parametrize("text, value, precision", [
    # weekdays: the most recent one on or before publication
    ("Thursday", date(2021, 3, 11), DAY),
    ("Friday", date(2021, 3, 12), DAY),  # the publication day itself
    ("Saturday", date(2021, 3, 6), DAY),
    ("last Thursday", date(2021, 3, 11), DAY),
    ("last Friday", date(2021, 3, 5), DAY),  # "last" is strictly before
    ("on Tuesday night", date(2021, 3, 9), DAY),
    ("late Monday", date(2021, 3, 8), DAY),
    ("early on Sunday", date(2021, 3, 7), DAY),
    ("Wednesday\u2019s", date(2021, 3, 10), DAY),
    ("On Monday at 16:30", date(2021, 3, 8), DAY),
    ("next Monday", date(2021, 3, 15), DAY),
    # days named from the publication date
    ("yesterday", date(2021, 3, 11), DAY),
    ("today", date(2021, 3, 12), DAY),
    ("last night", date(2021, 3, 11), DAY),
    ("tomorrow", date(2021, 3, 13), DAY),
    ("two days ago", date(2021, 3, 10), DAY),
    ("ten days ago", date(2021, 3, 2), DAY),
    # weeks: the middle of the days the phrase can cover, never after publication
    ("this week", date(2021, 3, 10), WEEK),
    ("earlier this week", date(2021, 3, 9), WEEK),
    ("last week", date(2021, 3, 4), WEEK),
    ("over the weekend", date(2021, 3, 6), WEEK),
    ("a few days ago", date(2021, 3, 9), WEEK),
    ("three weeks ago", date(2021, 2, 19), WEEK),
    # months: the 15th, or the publication date if the 15th is still to come
    ("this month", date(2021, 3, 12), MONTH),
    ("earlier this month", date(2021, 3, 11), MONTH),
    ("last month", date(2021, 2, 15), MONTH),
    ("in February", date(2021, 2, 15), MONTH),
    ("in May", date(2020, 5, 15), MONTH),  # a later month in a past story: last year's
    ("mid-January", date(2021, 1, 15), MONTH),
    ("March 2011", date(2011, 3, 15), MONTH),
    # calendar dates
    ("on March 4", date(2021, 3, 4), DAY),
    ("April 6", date(2020, 4, 6), DAY),  # month after the publication month: previous year
    ("6 April 2017", date(2017, 4, 6), DAY),
    ("Oct. 15, 1999", date(1999, 10, 15), DAY),
    ("the 4th of March", date(2021, 3, 4), DAY),
    ("2021-02-25", date(2021, 2, 25), DAY),
    ("25/02/2021", date(2021, 2, 25), DAY),
    # not a date an event can have
    ("in 2011", None, UNKNOWN),
    ("since 2011", None, UNKNOWN),
    ("since Thursday", None, UNKNOWN),
    ("last year", None, UNKNOWN),
    ("a year ago", None, UNKNOWN),
    ("for over a year", None, UNKNOWN),
    ("in less than six weeks", None, UNKNOWN),
    ("the past week", None, UNKNOWN),
    ("at 16:30", None, UNKNOWN),
    ("two days earlier", None, UNKNOWN),  # earlier than what? no anchor given
])
def test_resolve_expression(text, value, precision):
    found = resolve_expression(text, FRIDAY)
    assert (found.value, found.precision) == (value, precision)
    assert found.expression == text


def test_a_weekday_in_a_friday_story_is_the_day_before_or_within_the_week():
    resolved = {name: resolve_expression(name, FRIDAY).value for name in
                ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
    assert resolved["Thursday"] == date(2021, 3, 11)
    assert all(0 <= (FRIDAY - day).days < 7 for day in resolved.values())


@pytest.mark.parametrize("text, value, precision", [
    ("two days earlier", date(2021, 2, 18), DAY),
    ("the next day", date(2021, 2, 21), DAY),
    ("the day before", date(2021, 2, 19), DAY),
    ("a week later", date(2021, 2, 27), WEEK),
    ("hours later", date(2021, 2, 20), DAY),
])
def test_relative_to_anchor(text, value, precision):
    found = resolve_expression(text, FRIDAY, anchor=date(2021, 2, 20))
    assert (found.value, found.precision) == (value, precision)


def test_without_publication_date_a_weekday_stays_unknown_but_named():
    found = resolve_expression("Thursday", None)
    assert (found.value, found.precision, found.weekday) == (None, UNKNOWN, "Thursday")


@pytest.mark.parametrize("text", ["April 6", "yesterday", "this week", "last month", "two days ago"])
def test_without_publication_date_nothing_is_invented(text):
    found = resolve_expression(text, None)
    assert (found.value, found.precision, found.expression) == (None, UNKNOWN, text)


def test_without_publication_date_a_full_date_and_an_anchored_one_still_resolve():
    assert resolve_expression("6 April 2017", None).value == date(2017, 4, 6)
    assert resolve_expression("two days earlier", None, anchor=date(2017, 4, 6)).value == date(2017, 4, 4)


def test_future_tense_points_forward():
    assert resolve_expression("Thursday", FRIDAY, future=True).value == date(2021, 3, 18)
    assert resolve_expression("April 6", FRIDAY, future=True).value == date(2021, 4, 6)


def test_a_resolved_day_carries_its_weekday():
    assert resolve_expression("yesterday", FRIDAY).weekday == "Thursday"
    assert resolve_expression("last week", FRIDAY).weekday == ""


def test_counts_from_the_lexicon():
    lexicon = load_date_lexicon()
    assert parse_count("twenty four", lexicon).value == 24
    assert parse_count("a few", lexicon).vague
    assert parse_count("a two", lexicon) is None


def test_a_user_lexicon_with_an_unknown_kind_is_refused(tmp_path):
    (tmp_path / "date_words.tsv").write_text("kind\tphrase\tvalue\nholiday\teid\t0\n", "utf-8")
    with pytest.raises(DataFileError):
        load_date_lexicon(str(tmp_path))


def test_dateparser_behaviour_that_the_rules_avoid():
    # why weekdays and years are not left to dateparser: it moves a same-day weekday back a week
    # and invents a day for a bare year; strict parsing refuses a day without a year
    base = {"RELATIVE_BASE": datetime(2021, 3, 12), "PREFER_DATES_FROM": "past"}
    assert dateparser.parse("Friday", languages=["en"], settings=base).date() == date(2021, 3, 5)
    assert dateparser.parse("in 2011", languages=["en"], settings=base).date() == date(2011, 3, 12)
    assert dateparser.parse("April 6", languages=["en"], settings={**base, "STRICT_PARSING": True}) is None
    # "prefer past" sends a later day of the publication month to last year; our rule does not
    assert dateparser.parse("March 25", languages=["en"], settings=base).date() == date(2020, 3, 25)
    assert resolve_expression("March 25", FRIDAY).value == date(2021, 3, 25)


# ---- sentences ---------------------------------------------------------------------------------

def _sentence(nlp, text, published=datetime(2021, 3, 12, 9, 0)):
    article = Article(id="art1", text=text, published=published)
    return next(nlp(text).sents), article


def test_said_friday_is_the_report_and_struck_thursday_the_event(nlp):
    sent, article = _sentence(nlp, "Jets struck a fuel depot near the river on Thursday, the ministry said Friday.")
    assert [d.value for d in find_dates(sent, article)] == [date(2021, 3, 11), date(2021, 3, 12)]
    event = event_date_for(sent, article)
    assert (event.value, event.precision, event.expression) == (date(2021, 3, 11), DAY, "on Thursday")


def test_only_a_reporting_date_gives_week_precision_without_weekday(nlp):
    sent, article = _sentence(nlp, "Gunmen killed four guards at a checkpoint, police said on Wednesday.")
    event = event_date_for(sent, article)
    assert (event.value, event.precision, event.weekday) == (date(2021, 3, 10), WEEK, "")


def test_two_days_earlier_takes_the_day_before_it_in_the_sentence(nlp):
    sent, article = _sentence(nlp, "Tuesday's raid on the depot followed the shelling of a camp two days earlier.")
    dates = find_dates(sent, article)
    assert [d.value for d in dates] == [date(2021, 3, 9), date(2021, 3, 7)]


def test_anchor_from_an_earlier_sentence(nlp):
    sent, article = _sentence(nlp, "A second bomb went off in the market the next day.")
    assert event_date_for(sent, article, anchor=date(2021, 3, 1)).value == date(2021, 3, 2)


def test_spans_point_into_the_article(nlp):
    sent, article = _sentence(nlp, "Gunmen attacked a bus early on Sunday near the dam.")
    (found,) = find_dates(sent, article)
    assert found.expression == "early on Sunday"
    assert article.text[found.span.start:found.span.end] == found.span.text == "early on Sunday"
    assert (found.span.article_id, found.span.sentence) == ("art1", article.text)


def test_unknown_publication_date_keeps_the_weekday(nlp):
    sent, article = _sentence(nlp, "Rebels shelled the market on Thursday.", published=None)
    event = event_date_for(sent, article)
    assert (event.value, event.precision, event.weekday) == (None, UNKNOWN, "Thursday")


def test_future_meeting_is_not_an_event_date(nlp):
    sent, article = _sentence(nlp, "The ministers will meet in Cairo on Monday.")
    assert find_dates(sent, article)[0].value == date(2021, 3, 15)
    assert event_date_for(sent, article) is None


def test_periods_and_durations_are_found_but_not_event_dates(nlp):
    sent, article = _sentence(nlp, "The siege, in place since 2016, has cut the town off for over a year.")
    found = find_dates(sent, article)
    assert {d.expression for d in found} >= {"since 2016"}
    assert all(d.precision == UNKNOWN for d in found)
    assert event_date_for(sent, article) is None


def test_weekday_found_without_ner(nlp):
    # a hand-built doc has no entities: the lexicon's own patterns must still find the date
    doc = Doc(nlp.vocab, words=["Mortars", "hit", "the", "camp", "Tuesday", "night", "."])
    article = Article(id="art2", text=doc.text, published=datetime(2021, 3, 12))
    (found,) = find_dates(doc[:], article)
    assert (found.expression, found.value) == ("Tuesday night", date(2021, 3, 9))


def test_possessive_date_before_a_future_verb_stays_in_the_past(nlp):
    # regression: "Sunday's ambush will ..." once resolved Sunday forward because of "will"
    sent, article = _sentence(nlp, "Sunday's ambush on the convoy will deepen the crisis, analysts warn.")
    assert event_date_for(sent, article).value == date(2021, 3, 7)


def test_a_yearless_date_in_a_past_tense_sentence_is_last_years(nlp):
    """Regression guard for the nearest-date rule: "attacked on Dec. 15" in a March story is
    last December, not the coming one."""
    sent, article = _sentence(nlp, "Militants attacked the convoy on Dec. 15, the army said.")
    assert find_dates(sent, article)[0].value == date(2020, 12, 15)


def test_a_yearless_date_on_an_incident_noun_is_read_back(nlp):
    """"the April 2 attack" in a March story is last year's, though no verb is in the past tense."""
    sent, article = _sentence(nlp, "Residents still remember the April 2 attack on the market.")
    assert find_dates(sent, article)[0].value == date(2020, 4, 2)


def test_a_yearless_date_no_past_tense_ties_back_is_the_nearer_one(nlp):
    """TimeBank's scheduled dates: "plans to reopen the crossing on April 2" in a March story."""
    sent, article = _sentence(nlp, "The ministry plans to reopen the crossing on April 2.")
    assert find_dates(sent, article)[0].value == date(2021, 4, 2)
    sent, article = _sentence(nlp, "The deadline for the ceasefire talks is April 2.")
    assert find_dates(sent, article)[0].value == date(2021, 4, 2)


# ---- TIMEX3 values (coarse expressions) --------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("now", "PRESENT_REF"), ("in the past", "PAST_REF"), ("the future", "FUTURE_REF"),
    ("1996", "1996"), ("last year", "2020"), ("this year", "2021"), ("two years ago", "2019"),
    ("the third quarter", "2020-Q3"), ("the first quarter", "2021-Q1"), ("the latest quarter", "2020-Q4"),
    ("the first half", "2021-H1"), ("this summer", "2021-SU"), ("last fall", "2020-FA"),
    ("the 1990s", "199"), ("the mid-1980s", "198"), ("the nineties", "199"), ("the 20th century", "19"),
    ("nineteen ninety-six", "1996"), ("the winter of nineteen ninety-four", "1994-WI"),
    ("last week", "2021-W09"), ("the weekend", "2021-W09-WE"), ("two weeks ago", "2021-02-26"),
    ("March 3", "2021-03-03"), ("last month", "2021-02"),
])
def test_timex_values(text, value):
    from parallax.extract.date_values import timex_value
    assert timex_value(text, date(2021, 3, 12)) == value


def test_a_year_earlier_shifts_the_quarter_the_text_spoke_of():
    from parallax.extract.date_values import document_timex_values
    values = document_timex_values([("the third quarter", False, False), ("a year earlier", False, False),
                                    ("a year earlier", False, False)], date(2021, 11, 2))
    assert values == ["2021-Q3", "2020-Q3", "2020-Q3"]


def test_no_timex_value_is_invented_for_words_no_rule_knows():
    from parallax.extract.date_values import timex_value
    assert timex_value("the crucial moment", date(2021, 3, 12)) is None


# ---- page time stamps (regression: GVA TV-station pages dated the event by "Updated: ...") ----

def _dates_of_doc(nlp, text, published=datetime(2015, 1, 31, 10, 21)):
    article = Article(id="stamp", text=text, published=published)
    # calendar dates only ("2-year-old" is a duration)
    return [d for sent in nlp(text).sents for d in find_dates(sent, article) if d.value is not None]


def test_posted_and_updated_stamps_are_not_event_dates(nlp):
    text = ("Two men charged after toddler shot at a trailer park Posted: Saturday, January 31, 2015 "
            "10:21 AM EST Updated: Saturday, February 21, 2015 6:31 PM EST\n\n"
            "A 3-year-old boy took a bullet to the leg on Thursday at a trailer park in Dalton, police said.")
    found = _dates_of_doc(nlp, text)
    assert [(d.expression, d.value) for d in found] == [("on Thursday", date(2015, 1, 29))]


def test_a_date_and_time_alone_on_its_line_is_the_page_stamp(nlp):
    text = ("November 21, 2014 6:40 AM\n\nGunmen shot six people at a house party in Clairton "
            "early on Friday, police said.")
    found = _dates_of_doc(nlp, text, datetime(2014, 11, 21, 6, 40))
    assert [d.expression for d in found] == ["early on Friday"]


def test_a_stamp_that_ner_runs_on_into_the_dateline_is_still_a_stamp():
    from parallax.extract.dates import is_stamp
    text = "April 9, 2014 3:15 PM\n\nSAN JOSE (KRWN) \u2014 Officers detained two teenagers."
    assert is_stamp(text, 0, text.index("SAN JOSE") + len("SAN JOSE"))
    text = "October 3, 2014 9:30 PM\n\n(CBS) \u2014 A man was hurt in a bar fight."
    assert is_stamp(text, 0, text.index("(CBS)"))


def test_published_in_brackets_and_a_weekday_before_a_clock_time_are_stamps(nlp):
    text = ("(Published Wednesday, April 22, 2015)\n\nA suspect was detained.\n\n"
            "Posted: Tue 3:41 PM, Jun 02, 2015\n\nThe shooting happened on May 30, 2015.")
    found = _dates_of_doc(nlp, text, datetime(2015, 6, 2, 15, 41))
    assert [d.value for d in found] == [date(2015, 5, 30)]


def test_a_date_in_a_sentence_or_a_posted_video_is_still_an_event_date(nlp):
    text = ("The shooting happened Sunday, March 8, 2015, near the river. "
            "A video of it was posted Monday on Facebook.")
    found = _dates_of_doc(nlp, text, datetime(2015, 3, 10))
    assert {d.value for d in found} >= {date(2015, 3, 8), date(2015, 3, 9)}


def test_a_crawl_date_given_as_publication_yields_to_the_page_stamp(nlp):
    # regression: a 2014 page crawled in 2017 dated "early Saturday" in January 2017
    text = ("Updated: 11/25/2014 9:12 AM\n\nCreated: 11/23/2014 8:40 PM\n\n"
            "A man shot his neighbour early Saturday in Rochester, police said.")
    found = _dates_of_doc(nlp, text, datetime(2017, 1, 29))
    assert [(d.expression, d.value) for d in found] == [("early Saturday", date(2014, 11, 22))]


def test_a_stamp_weeks_before_a_plausible_publication_date_does_not_replace_it():
    from parallax.extract.dates import page_day
    head = "Posted: Monday, May 18, 2015 8:02 AM EDT Updated: Tuesday, June 2, 2015 11:47 AM EDT"
    assert page_day(head, date(2015, 5, 19)) == date(2015, 5, 19)
    assert page_day(head, None) == date(2015, 5, 18)
    assert page_day("Police said a man was shot.", date(2015, 5, 19)) == date(2015, 5, 19)


def test_the_trigger_s_own_date_dates_the_event_not_the_day_tolls_were_given(nlp):
    """Regression (Beni bus attack): 'Officials gave differing tolls on Friday for Thursday's attack
    on a bus' dated the attack to the Friday, the day the tolls were reported."""
    text = ("GOMA, DR Congo (Lake Post) - Aid workers and officials gave differing tolls on Friday for "
            "Thursday's ambush on a convoy near Butembo, with the Red Cross counting 11 dead.")
    article = Article(id="tolls1", text=text, title="", outlet="Lake Post", published=datetime(2026, 11, 21, 7))
    [mention] = analyse_article(nlp(text), article, load_knowledge(Settings()))
    assert mention.date.value == date(2026, 11, 19) and "Thursday" in mention.date.expression


def test_a_day_no_trigger_owns_dates_the_undated_event_as_its_report(nlp):
    """A new user's Atom entry: "held for a third day on Thursday, residents said, though the
    mission reported mortar fire that wounded two" gave the mortar fire no date at all."""
    from parallax.extract.frames import FrameContext, sentence_frames
    from parallax.pipeline import load_knowledge
    from parallax.settings import Settings
    text = ("HODEIDAH, Yemen - A UN-brokered ceasefire in Hodeidah held for a third day on Thursday, "
            "residents said, though the UN monitoring mission reported an exchange of mortar fire "
            "near the port that wounded two fishermen.")
    article = Article("x", text, published=datetime(2026, 9, 4, 10))
    knowledge = load_knowledge(Settings())
    context = FrameContext(knowledge.actors, lambda name: None, None, knowledge.triggers)
    body = next(sent for sent in nlp(text).sents if "mortar" in sent.text)  # the dateline is a sentence of its own
    frames, _ = sentence_frames(0, body, article, [], [], context)
    fire = [f for f in frames if f.trigger.event_type == "Explosions/Remote violence"]
    # Thursday, as the day of the report (WEEK) or, with the dateline its own sentence and "held" the
    # root, as the day told in the clause the report hangs from (DAY): either way the day the text gives
    assert fire and {d.value for d in fire[0].dates if d.value} == {date(2026, 9, 3)}
    assert {d.precision for d in fire[0].dates if d.value} <= {DatePrecision.DAY, DatePrecision.WEEK}


def test_the_date_of_a_wire_dateline_is_the_filing_day_not_the_event_day(nlp):
    # regression (fresh-clone user): "PORT SUDAN, Nov 16 (...) -" dated a Sunday shelling Monday
    text = ("PORT SUDAN, Nov 16 (Nile Courier) - Shelling hit a hospital in Omdurman on Sunday, "
            "killing 30 people, a hospital official said.")
    found = _dates_of_doc(nlp, text, datetime(2026, 11, 16, 9, 0))
    assert [(d.expression, d.value) for d in found] == [("on Sunday", date(2026, 11, 15))]
    article = Article(id="dl", text=text, published=datetime(2026, 11, 16, 9, 0))
    sent = next(s for s in nlp(text).sents if "Sunday" in s.text)
    assert event_date_for(sent, article).value == date(2026, 11, 15)


def test_a_date_after_a_dash_that_opens_no_dateline_is_still_read(nlp):
    text = "A neighbour said the stabbing took place on Nov 14 near the market."
    found = _dates_of_doc(nlp, text, datetime(2026, 11, 16, 9, 0))
    assert [d.value for d in found] == [date(2026, 11, 14)]


def test_the_day_nearest_the_trigger_in_the_parse_dates_it(nlp):
    # regression (GVA dev): "<sheriff> held a news conference <weekday> afternoon, saying ... suspects
    # in the shooting at <a truck stop> on <date>" dated the shooting to the news conference
    text = ("MERCER, Texas - Sheriff Ray Tolliver spoke to reporters on Tuesday afternoon, saying his "
            "deputies want the public to name suspects in the shooting at Lone Oak Truck Stop on Aug. 29.")
    article = Article(id="near1", text=text, title="", outlet="", published=datetime(2015, 9, 15, 9))
    [mention] = analyse_article(nlp(text), article, load_knowledge(Settings()))
    assert mention.date.value == date(2015, 8, 29)


def test_a_day_another_verb_puts_ahead_does_not_date_the_event_under_it(nlp):
    # regression (GVA dev): "<footage> will be released <weekday>, <month day>" dated a shooting
    # told undated earlier in the story to the day of the release
    text = ("The shopkeeper was at the register beside his daughter when Brandt opened fire.\n\n"
            "Bodycam footage of the gunfight at the store will also be released Tuesday, June 2.")
    article = Article(id="ahead1", text=text, title="", outlet="", published=datetime(2015, 6, 2, 9))
    mentions = analyse_article(nlp(text), article, load_knowledge(Settings()))
    assert mentions and all(m.date is None or m.date.value != date(2015, 6, 2) for m in mentions)


# ---- ages and street blocks (regression: GVA stories split by "6-year-old" and "1700 block" once dated) ----

def test_an_age_or_a_street_block_is_no_date(nlp):
    sent, article = _sentence(nlp, "Deputies found the 6-year-old and a man, 41 years old, in the 1700 block "
                                   "of Harlan Road on Tuesday.")
    assert [d.expression for d in find_dates(sent, article)] == ["on Tuesday"]


def test_an_age_does_not_split_a_dated_story(nlp):
    """With a publication date, an age read as an undated past date opened another incident, which took
    the toll of the sentences after it."""
    text = ("A woman was shot and killed early Thursday at a farmhouse outside Millbrook, the sheriff said.\n\n"
            "The violence that killed Dana Price also left her 6-year-old daughter, her sister and her husband "
            "with gunshot wounds.")
    article = Article(id="age", text=text, published=datetime(2021, 3, 12))
    mentions = analyse_article(nlp(text), article, load_knowledge(Settings()))
    assert len(mentions) == 1
    assert {c.measure.value for c in mentions[0].claims} == {"killed", "injured"}


def test_how_long_is_no_event_date_but_a_counting_window_is(nlp):
    """A duration places no event ("died hours after", "held hostage for nearly five hours", "a 12-year
    veteran"); the window a roundup counts in ("within a month's time", "a two-hour span") stays, so
    that its tally is not the incident's."""
    from parallax.extract.dates import event_dates
    sent, article = _sentence(nlp, "The boy died hours after he was shot on Tuesday, and the gunman held two "
                                   "clerks hostage for nearly five hours.")
    assert [d.expression for d in event_dates(sent, article)] == ["on Tuesday"]
    sent, article = _sentence(nlp, "She was the fourth child shot in Dunmore within a month's time.")
    assert [d.expression for d in event_dates(sent, article)] != []


def test_a_duration_does_not_split_a_dated_story(nlp):
    text = ("A 5-year-old boy was shot at a house on Pine Street on Tuesday night, police said.\n\n"
            "The coroner said the boy died hours after being shot.")
    article = Article(id="dur", text=text, published=datetime(2021, 3, 12))
    mentions = analyse_article(nlp(text), article, load_knowledge(Settings()))
    assert len(mentions) == 1
    assert any(c.measure.value == "killed" for c in mentions[0].claims)
