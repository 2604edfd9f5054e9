// The sample scenario's theatre and coalition. Coordinates are [lon, lat] degrees.
#include "sample_scenario.hpp"

namespace guarantor::report::testing {

namespace {

geo::MultiPolygon area(std::initializer_list<std::vector<geo::LonLat>> rings) {
  std::vector<geo::Polygon> parts;
  for (const auto& ring : rings) parts.push_back(geo::Polygon{ring, {}});
  return geo::MultiPolygon(std::move(parts));
}

model::Country country(std::string iso2, std::string name, model::CountryRole role, bool nato, std::string gauge,
                       geo::MultiPolygon outline) {
  model::Country c;
  c.iso2 = std::move(iso2);
  c.name = std::move(name);
  c.role = role;
  c.nato = nato;
  c.rail_gauge_mm = std::move(gauge);
  c.area = std::move(outline);
  c.source = "hand-drawn test outline";
  return c;
}

model::Site site(std::string id, std::string name, model::SiteKind kind, std::string subkind, geo::LonLat at,
                 std::string country, model::SiteStatus status, double capacity, std::string unit) {
  model::Site s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.kind = kind;
  s.subkind = std::move(subkind);
  s.position = at;
  s.country = std::move(country);
  s.status = status;
  s.capacity = capacity;
  s.capacity_unit = std::move(unit);
  s.source = "test fixture";
  return s;
}

model::Theatre make_theatre() {
  using model::CountryRole;
  model::Theatre t;
  t.countries.push_back(country(
      "UA", "Ukraine", CountryRole::Host, false, "1520",
      area({{{22.15, 48.4}, {22.6, 49.1}, {22.7, 49.6}, {23.6, 50.4}, {24.0, 50.9}, {23.6, 51.5}, {25.0, 51.9},
             {27.0, 51.7}, {30.2, 51.5}, {30.6, 51.3}, {31.8, 52.1}, {33.2, 52.35}, {34.4, 51.8}, {35.4, 51.05},
             {36.4, 50.3}, {38.0, 49.9}, {39.7, 49.6}, {40.1, 49.3}, {39.7, 48.0}, {39.8, 47.8}, {38.2, 47.1},
             {37.5, 46.9}, {35.2, 46.3}, {36.6, 45.4}, {35.4, 45.0}, {33.6, 44.4}, {32.5, 45.4}, {33.6, 45.9},
             {31.7, 46.3}, {30.7, 46.5}, {29.7, 45.3}, {28.2, 45.5}, {29.7, 46.4}, {30.1, 46.4}, {29.6, 47.0},
             {29.2, 47.9}, {28.2, 48.2}, {27.3, 48.4}, {26.6, 48.25}, {24.9, 47.7}, {23.1, 48.0}}})));
  t.countries.push_back(country(
      "PL", "Poland", CountryRole::NeighbourNato, true, "1435",
      area({{{14.1, 53.9}, {19.0, 54.4}, {23.5, 54.2}, {23.9, 53.1}, {23.6, 52.2}, {23.6, 51.5}, {24.0, 50.9},
             {23.6, 50.4}, {22.7, 49.6}, {22.6, 49.1}, {19.0, 49.4}, {17.0, 50.3}, {15.0, 51.0}, {14.6, 52.6}}})));
  t.countries.push_back(country(
      "RO", "Romania", CountryRole::NeighbourNato, true, "1435",
      area({{{20.3, 46.1}, {22.9, 47.9}, {24.9, 47.7}, {26.6, 48.25}, {28.1, 46.8}, {28.2, 45.5}, {29.7, 45.2},
             {28.6, 44.0}, {27.0, 44.1}, {25.0, 43.7}, {22.7, 43.9}, {22.4, 44.5}, {21.4, 44.8}}})));
  t.countries.push_back(country(
      "MD", "Moldova", CountryRole::NeighbourOther, false, "1520",
      area({{{26.6, 48.25}, {27.3, 48.4}, {28.2, 48.2}, {29.2, 47.9}, {29.6, 47.0}, {30.1, 46.4}, {29.7, 46.4},
             {28.2, 45.5}, {28.1, 46.8}}})));
  t.countries.push_back(country(
      "BY", "Belarus", CountryRole::Adversary, false, "1520",
      area({{{23.6, 52.2}, {23.5, 53.9}, {25.0, 54.2}, {26.8, 55.2}, {28.2, 56.1}, {30.9, 55.6}, {32.7, 53.3},
             {31.8, 52.1}, {30.6, 51.3}, {30.2, 51.5}, {27.0, 51.7}, {25.0, 51.9}, {23.6, 51.5}}})));
  // The second part lies near the Pacific: it must be clipped away, not drawn.
  t.countries.push_back(country(
      "RU", "Russia", CountryRole::Adversary, false, "1520",
      area({{{31.8, 52.1}, {33.2, 52.35}, {34.4, 51.8}, {35.4, 51.05}, {36.4, 50.3}, {38.0, 49.9}, {39.7, 49.6},
             {40.1, 49.3}, {39.7, 48.0}, {39.8, 47.8}, {38.2, 47.1}, {39.0, 47.0}, {38.5, 46.6}, {37.8, 44.7},
             {40.0, 43.4}, {48.0, 42.0}, {50.0, 46.0}, {50.0, 58.0}, {28.0, 58.0}, {28.2, 56.1}, {30.9, 55.6},
             {32.7, 53.3}},
            {{131.0, 43.0}, {133.0, 43.0}, {133.0, 45.0}, {131.0, 45.0}}})));
  const auto region = [](std::string iso, std::string name, std::string name_uk, geo::MultiPolygon shape) {
    return model::Region{std::move(iso), std::move(name), std::move(name_uk), std::move(shape)};
  };
  t.regions.push_back(region("UA-46", "Lviv Oblast", "Львівська область",
                             area({{{22.7, 49.6}, {23.6, 50.4}, {24.3, 50.6}, {25.0, 50.2}, {24.6, 49.2}, {23.2, 49.0}}})));
  t.regions.push_back(region("UA-32", "Kyiv Oblast", "Київська область",
                             area({{{29.3, 49.3}, {29.3, 51.4}, {30.6, 51.3}, {31.8, 51.0}, {32.2, 49.8}, {31.0, 49.2}}})));
  t.regions.push_back(region("UA-63", "Kharkiv Oblast", "Харківська область",
                             area({{{34.9, 48.6}, {35.4, 50.2}, {36.4, 50.3}, {38.0, 49.9}, {37.6, 48.8}, {36.3, 48.5}}})));
  t.regions.push_back(region("UA-43", "Autonomous Republic of Crimea", "Автономна Республіка Крим",
                             area({{{32.5, 45.4}, {33.6, 44.4}, {35.4, 45.0}, {36.6, 45.4}, {35.2, 46.1}, {33.6, 45.9}}})));
  t.areas.push_back(model::DatedArea{"occupied.2025-03-18", "occupied_area", Date::from_iso("2025-03-18").value(),
                                     area({{{32.5, 45.4},
                                            {33.6, 44.4},
                                            {36.6, 45.4},
                                            {37.5, 46.9},
                                            {38.2, 47.1},
                                            {39.8, 47.8},
                                            {39.7, 48.0},
                                            {40.1, 49.3},
                                            {38.3, 49.7},
                                            {37.9, 49.0},
                                            {37.6, 48.2},
                                            {36.0, 47.5},
                                            {35.0, 47.3},
                                            {33.5, 46.8},
                                            {32.8, 46.6},
                                            {33.6, 45.9}}}),
                                     "hand-drawn test area after a public situation map"});

  const auto place = [](std::int64_t id, std::string name, geo::LonLat at, std::string cc, std::int64_t pop,
                        std::string code) {
    model::PopulatedPlace p;
    p.geonameid = id;
    p.name = name;
    p.ascii_name = std::move(name);
    p.position = at;
    p.country = std::move(cc);
    p.population = pop;
    p.feature_code = std::move(code);
    return p;
  };
  t.places = {place(703448, "Kyiv", {30.52, 50.45}, "UA", 2'952'301, "PPLC"),
              place(706483, "Kharkiv", {36.25, 50.0}, "UA", 1'421'125, "PPLA"),
              place(698740, "Odesa", {30.73, 46.48}, "UA", 1'015'826, "PPLA"),
              place(702550, "Lviv", {24.02, 49.84}, "UA", 717'273, "PPLA"),
              place(689558, "Vinnytsia", {28.47, 49.23}, "UA", 370'601, "PPLA"),
              place(1, HOSTILE_PLACE, {27.0, 50.6}, "UA", 310'000, "PPL"),
              place(2, "Smallville", {27.5, 49.0}, "UA", 5'000, "PPL"),
              place(756135, "Warsaw", {21.01, 52.23}, "PL", 1'702'139, "PPLC"),
              place(3, "Smalltown Abroad", {22.2, 51.9}, "PL", 50'000, "PPL")};

  using model::SiteKind;
  using model::SiteStatus;
  t.sites = {site("energy.khmelnytskyi_npp", "Khmelnytskyi NPP", SiteKind::Energy, "nuclear", {26.65, 50.30}, "UA", SiteStatus::Operating, 2000, "MW"),
             site("energy.zaporizhzhia_npp", "Zaporizhzhia NPP", SiteKind::Energy, "nuclear", {34.59, 47.51}, "UA", SiteStatus::Occupied, 5700, "MW"),
             site("energy.burshtyn_tpp", "Burshtyn TPP", SiteKind::Energy, "thermal", {24.63, 49.21}, "UA", SiteStatus::Damaged, 2300, "MW"),
             site("energy.kakhovka_hpp", "Kakhovka HPP", SiteKind::Energy, "hydro", {33.37, 46.78}, "UA", SiteStatus::Destroyed, 357, "MW"),
             site("energy.hostile", HOSTILE_SITE, SiteKind::Energy, "chp", {30.45, 50.40}, "UA", SiteStatus::Operating, 500, "MW"),
             site("airfield.rzeszow", "Rzeszów-Jasionka", SiteKind::Airfield, "joint", {22.02, 50.11}, "PL", SiteStatus::Operating, 0, ""),
             site("airfield.starokostiantyniv", "Starokostiantyniv", SiteKind::Airfield, "military", {27.29, 49.75}, "UA", SiteStatus::Damaged, 0, ""),
             site("airfield.boryspil", "Boryspil", SiteKind::Airfield, "civil", {30.89, 50.34}, "UA", SiteStatus::Closed, 0, ""),
             site("port.odesa", "Odesa", SiteKind::Port, "", {30.75, 46.50}, "UA", SiteStatus::Operating, 0, ""),
             site("port.constanta", "Constanța", SiteKind::Port, "", {28.65, 44.17}, "RO", SiteStatus::Operating, 0, ""),
             site("crossing.yahodyn", "Yahodyn–Dorohusk", SiteKind::BorderCrossing, "road_rail", {23.88, 51.20}, "UA", SiteStatus::Operating, 0, ""),
             site("crossing.krakovets", "Krakovets–Korczowa", SiteKind::BorderCrossing, "road", {23.13, 49.96}, "UA", SiteStatus::Operating, 0, ""),
             site("hub.lviv", "Lviv logistics hub", SiteKind::CandidateHub, "", {23.95, 49.81}, "UA", SiteStatus::Operating, 2000, "personnel"),
             site("hub.vinnytsia", "Vinnytsia hub", SiteKind::CandidateHub, "", {28.60, 49.20}, "UA", SiteStatus::Operating, 1500, "personnel")};
  t.sites[10].gauge_change = true;
  t.sites[6].runway_m = 3000;
  t.attributions = {"Outlines: hand-drawn test geometry", "Places: GeoNames (CC BY 4.0)", HOSTILE_ATTRIBUTION};
  return t;
}

}  // namespace

model::Scenario make_sample_scenario(bool illustrative) {
  model::Scenario s;
  s.name = "Sample reassurance scenario";
  s.description = "Hand-made test theatre <b>not</b> real data";
  s.as_of = Date::from_iso("2025-03-18");
  s.theatre = make_theatre();
  s.catalogue = make_sample_catalogue();
  s.coalition = make_sample_coalition(illustrative);
  s.mandate = make_sample_mandate();
  s.files = {{"coalition", "tests/sample/coalition.json", std::string(64, 'a')}};
  return s;
}

}  // namespace guarantor::report::testing
