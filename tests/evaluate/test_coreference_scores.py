"""B-cubed, MUC, CEAF-e and CoNLL F1 on clusterings small enough to check by hand."""

import pytest

from parallax.evaluate.coreference import bcubed, ceaf_e, clustering_scores, muc

GOLD = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}


def test_a_perfect_clustering_scores_one_everywhere():
    assert set(clustering_scores(GOLD, GOLD).values()) == {1.0}


def test_one_wrong_merge_by_hand():
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"}
    p, r, _ = bcubed(GOLD, predicted)
    assert p == pytest.approx((2 / 3 * 2 + 1 / 3 + 1 + 1) / 5) and r == pytest.approx((1 + 1 + 0.5 + 0.5 + 1) / 5)
    assert muc(GOLD, predicted)[:2] == pytest.approx((0.5, 0.5))  # 1 of 2 links found, 1 of 2 right
    # phi4 alignment: {a,b}~{a,b,c} 0.8, {c,d}~{d} 2/3, {e}~{e} 1
    assert ceaf_e(GOLD, predicted)[2] == pytest.approx((0.8 + 2 / 3 + 1) / 3)


def test_all_singletons_have_no_muc_links_and_low_ceaf_recall_of_merged_gold():
    gold = {"a": "1", "b": "1", "c": "1"}
    apart = {"a": "1", "b": "2", "c": "3"}
    assert muc(gold, apart)[1] == 0.0
    assert ceaf_e(gold, apart)[:2] == pytest.approx((0.5 / 3, 0.5))
