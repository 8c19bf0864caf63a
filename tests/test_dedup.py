"""Wire copy republished by other outlets is one source, found again by its MinHash."""
from __future__ import annotations

from storyline.stories.dedup import NearDuplicateIndex

WIRE = ("The harbour authority in Valdoria closed the northern container terminal on Thursday after "
        "a crane collapsed onto a cargo ship during high winds, injuring two dock workers and halting "
        "the loading of grain bound for export, a spokeswoman for the authority said.")
REPUBLISHED = "VALDORIA (Wire) - " + WIRE + " Operations are expected to resume next week."
SAME_TOPIC = ("Dock workers in Valdoria walked off the job on Friday to demand better safety rules, a day "
              "after a crane accident at the northern container terminal left two colleagues in hospital "
              "and stopped grain exports, union leaders said at a rally outside the port gates.")


def test_a_republished_wire_story_is_a_duplicate_of_the_first_copy():
    index = NearDuplicateIndex(threshold=0.8)
    index.add("wire-1", WIRE)
    assert index.find(REPUBLISHED) == "wire-1"


def test_a_different_story_on_the_same_topic_is_not_a_duplicate():
    index = NearDuplicateIndex()
    index.add("wire-1", WIRE)
    assert index.find(SAME_TOPIC) is None


def test_a_stored_signature_finds_the_original_in_a_rebuilt_index():
    first = NearDuplicateIndex()
    signature = first.signature(WIRE)
    assert isinstance(signature, bytes) and len(signature) == 8 * first.num_perm
    rebuilt = NearDuplicateIndex()            # as the store does after a restart
    rebuilt.add("wire-1", signature)
    assert rebuilt.find(first.signature(REPUBLISHED)) == "wire-1"


def test_the_earliest_copy_is_the_original_when_several_match():
    index = NearDuplicateIndex()
    index.add("first", WIRE)
    index.add("second", WIRE + " Photos were shared online.")
    assert index.find(REPUBLISHED) == "first"


def test_one_line_items_never_match_each_other():
    index = NearDuplicateIndex()
    index.add("brief-1", "Markets closed higher.")
    assert index.find("Markets closed higher.") is None
    assert index.signature("Markets closed higher.") == b""
