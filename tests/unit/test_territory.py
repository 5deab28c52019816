from comite.demo.data import DEPARTMENTS as DEMO_DEPARTMENTS
from comite.rules.territory import DEPARTMENTS, canonical_department


def test_the_32_departments_and_bogota():
    assert len(DEPARTMENTS) == 33 and len(set(DEPARTMENTS)) == 33
    assert {name for name, _w, _m in DEMO_DEPARTMENTS} == set(DEPARTMENTS)  # demo data is recognised


def test_how_people_write_them():
    assert canonical_department("cauca") == "Cauca"
    assert canonical_department("  NARIÑO ") == "Nariño"
    assert canonical_department("Narino") == "Nariño"
    for bogota in ("Bogota", "Bogotá D.C.", "BOGOTA, D. C.", "Bogotá DC", "Bogota D.C"):
        assert canonical_department(bogota) == "Bogotá, D.C.", bogota
    assert canonical_department("Valle") == "Valle del Cauca"
    assert canonical_department("San Andres") == "San Andrés, Providencia y Santa Catalina"
    for unknown in ("Narnia", "Cauca/Bogotá", "", "Popayán"):
        assert canonical_department(unknown) is None, unknown
