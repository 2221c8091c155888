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
