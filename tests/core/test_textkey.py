"""Cross-script name keys meet for DOMAIN.md's pairs."""

import pytest

from clientdesk.textkey import has_devanagari, name_key

PAIRS = [("रमेश कुमार", "ramesh kumar"), ("लक्ष्मी नारायण", "laxmi narayan"), ("हरप्रीत कौर", "harpreet kaur"),
         ("प्रिया सिंह", "priya singh"), ("सुनीता शर्मा", "Sunita Sharma"), ("संजय गुप्ता", "Sanjay Gupta"),
         ("अभिषेक", "abhishek"), ("पूजा", "pooja"), ("दीपक", "deepak")]


@pytest.mark.parametrize("hindi,latin", PAIRS)
def test_both_scripts_fold_to_one_key(hindi, latin):
    assert name_key(hindi) == name_key(latin)


def test_different_names_stay_different():
    assert name_key("ramesh") != name_key("suresh")


def test_detects_devanagari():
    assert has_devanagari("राम Kumar")
    assert not has_devanagari("Ram Kumar")


def test_the_index_row_keeps_each_email_word_lower_cased_and_each_national_number():
    """index_row's quick paths give what the word-by-word rule gives, for any text (final sigma,
    dotted capital I and other case changes included) and for any phones."""
    from hypothesis import given, strategies as st

    from clientdesk.search import index_row, national_digits, raw_words

    @given(st.text(), st.lists(st.sampled_from(["+919876543210", "+14155550123", "+4930123456", "+91987654"]),
                               max_size=3))
    def check(email, phones):
        row = index_row("", "", "", phones, email or None, None)
        assert row[4] == (" ".join(raw_words(email)) if email else "")
        assert row[3] == " ".join(map(national_digits, phones))

    check()
