"""cchc_rules.grades: the grade levels, ordered and labelled."""

import pytest

from cchc_rules import Grade, InvalidInputError


def test_grades_are_ordered_and_labelled():
    assert sorted(Grade) == [Grade.NOT_COMPLETED, Grade.COMPLETED, Grade.GOOD, Grade.EXCELLENT]
    assert max(Grade) is Grade.EXCELLENT
    assert Grade.EXCELLENT.label_vi == "Hoàn thành xuất sắc nhiệm vụ"
    assert Grade.NOT_COMPLETED.label_en == "Did not complete duties"
    assert Grade.parse("good") is Grade.GOOD
    with pytest.raises(InvalidInputError, match="grade must be a grade name"):
        Grade.parse("tốt")


def test_grades_compare_only_with_grades():
    assert Grade.GOOD.label("en") == "Well completed duties"
    assert Grade.GOOD.rank == 2
    with pytest.raises(TypeError):
        _ = Grade.GOOD < 2
