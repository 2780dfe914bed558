"""Where the Python tests find the reference lists: $EMBARGO_SHARED_DATA (CTest
sets it to the build's EMBARGO_SHARED_DATA), else ../shared/data beside the
repository, as the C++ tests do."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_DATA = os.environ.get("EMBARGO_SHARED_DATA") or os.path.join(HERE, "..", "..", "..",
                                                                     "shared", "data")
UN_LIST = os.path.join(SHARED_DATA, "un", "consolidated-2026-02-27.xml")
OFAC_SDN = os.path.join(SHARED_DATA, "ofac", "sdn-2024-05-03.csv")
NEGATIVES = [os.path.join(SHARED_DATA, "negatives", f"negatives-{kind}-dev.csv")
             for kind in ("global", "us")]

# Listed on the UN list, with the facts it gives: (name as a bank might hold
# it, birth date, country, the entity's id).
PLANTED = [
    ("Paek Chang-ho", "1964-06-18", "KP", "un_sc_sanctions-KPi.006"),
    ("Jon Myong Guk", "18/10/1976", "North Korea", "un_sc_sanctions-KPi.018"),
    ("KANG Mun Kil", "1963-02-09", "KP", "un_sc_sanctions-KPi.019"),
    ("Aiman Muhammed Rabi al-Zawahiri", "1951-06-19", "Egypt", "un_sc_sanctions-QDi.006"),
    ("Korea Mining Development Trading Corporation", None, "KP", "un_sc_sanctions-KPe.001"),
]
