"""How a new contact's typed name is filed."""

import pytest

from storage.names import filed_name


@pytest.mark.parametrize(
    ("typed", "filed"),
    [
        ("ana", "Ana"),
        ("maria lopez", "Maria Lopez"),
        ("mary-jane o'neil", "Mary-Jane O'Neil"),
        ("zoë ça", "Zoë Ça"),
        ("danah Boyd", "danah Boyd"),  # a capital typed: the member chose the spelling
        ("José Núñez", "José Núñez"),
        ("李明", "李明"),  # no case to change
    ],
)
def test_a_name_typed_in_lower_case_is_filed_with_capitals(typed: str, filed: str) -> None:
    assert filed_name(typed) == filed
