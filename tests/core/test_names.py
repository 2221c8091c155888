"""The other-script suggestion for a client's name."""

import pytest

from clientdesk.names import is_devanagari, other_script


@pytest.mark.parametrize("text, expected", [
    ("Suresh Reddy", "सुरेश रेड्डी"), ("Meena Devi", "मीना देवी"), ("Priya Singh", "प्रिया सिंह"),
    ("Kavita Verma", "कविता वर्मा"), ("Ramesh Kumar", "रमेश कुमार"),
    ("रमेश कुमार", "Ramesh Kumar"), ("मीना देवी", "Meena Devi"), ("प्रिया सिंह", "Priya Singh"),
    ("", ""), ("   ", ""),
])
def test_names_in_the_other_script(text, expected):
    assert other_script(text) == expected


def test_initials_and_digits_are_kept_and_the_script_flips():
    result = other_script("A. K. Sharma")
    assert result.startswith("A. K. ") and is_devanagari(result)
    assert not is_devanagari(other_script("हरप्रीत कौर"))
