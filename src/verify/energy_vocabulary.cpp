// Target vocabulary. Rules are tried in order and the first that matches wins, so the order
// encodes the precedence an analyst applies:
//  1. transmission objects (substation, power line) before the nuclear plant they may feed: a
//     strike on "a substation supplying the ZNPP" hit the substation;
//  2. the nuclear plant, named as a plant (ZNPP, "nuclear power"), never by its town: Enerhodar is
//     a town of 50,000 and "shelling of Enerhodar" is not a strike on the plant;
//  3. hydro dams only with a hydro word (HPP, ГЕС, hydroelectric): a reservoir dam such as
//     Pechenihy or Kurakhove holds water, not a power station;
//  4. refineries before oil and gas storage (a refinery has tanks);
//  5. retail fuel (petrol stations) as civilian before oil and gas, so "fuel station" is no depot;
//  6. oil and gas: depots, tanks, terminals, pipelines, pumping and compressor stations, gas
//     production and processing, operators (Naftogaz, Gazprom, Transneft, Rosneft, Lukoil);
//  7. power generation and transmission: plants (thermal, CHP, solar, biomass), substations,
//     lines, grid operators (Ukrenergo, DTEK, Centrenergo, Rosseti), "energy infrastructure";
//  8. civilian objects (including non-hydro dams), then military ones.
// Consequences are not targets: "power outage", "without electricity", "знеструмлено" name no
// target, so a report that says only that stays Unknown.
#include "energy_vocabulary.hpp"
#include "keyword_match.hpp"

#include <array>
#include <string>
#include <vector>

namespace guarantor::verify::detail {
namespace {

struct Rule {
  TargetKind kind;
  std::vector<Keyword> keywords;
};

// Typographic apostrophes (U+2019, U+02BC) as ASCII, and hyphens as blanks: "об’єкт" and
// "об'єкт", "sub-station" and "sub station" are the same words.
std::string normalise(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (lower.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (lower.compare(i, 2, "\xCA\xBC") == 0) {
      out += '\'';
      i += 1;
    } else if (lower[i] == '-') {
      out += ' ';
    } else {
      out += lower[i];
    }
  }
  return out;
}

const std::array<Rule, 9>& rules() {
  static const std::array<Rule, 9> RULES{{
      {TargetKind::PowerGenerationTransmission,
       {{"substation"}, {"sub station"}, {"power line"}, {"transmission line"}, {"high voltage line"},
        {"підстанц"}, {"подстанц"}, {"лінія електропередач"}, {"лінію електропередач"}, {"лінії електропередач"},
        {"линия электропередач"}, {"линию электропередач"}, {"линии электропередач"}, {"лэп", true}, {"леп", true},
        {"високовольтн"}, {"высоковольтн"}}},
      {TargetKind::NuclearPlant,
       {{"nuclear power"}, {"nuclear plant"}, {"nuclear station"}, {"nuclear facility"}, {"npp", true},
        {"znpp", true}, {"аес", true}, {"аэс", true}, {"заес", true}, {"заэс", true}, {"атомн"},
        {"energoatom"}, {"енергоатом"}, {"rosenergoatom"}, {"росэнергоатом"}}},
      {TargetKind::HydroDam,
       {{"hydroelectric"}, {"hydropower"}, {"hydro power"}, {"hpp", true}, {"hps", true}, {"гес", true},
        {"гэс", true}, {"дніпрогес"}, {"днепрогэс"}, {"dniproges"}, {"ukrhydroenergo"}, {"укргідроенерго"}}},
      {TargetKind::Refinery,
       {{"refinery"}, {"refineries"}, {"oil refining"}, {"нпз", true}, {"нафтопереробн"}, {"нефтеперераб"}}},
      {TargetKind::Civilian,
       {{"petrol station"}, {"gas station"}, {"filling station"}, {"fuel station"}, {"азс", true},
        {"автозаправ"}, {"заправк"}}},
      {TargetKind::OilGasPipelineStorage,
       {{"pipeline"}, {"gas storage"}, {"oil depot"}, {"fuel depot"}, {"oil storage"}, {"fuel storage"},
        {"fuel tank"}, {"oil tank"}, {"storage tank"}, {"tank farm"}, {"oil terminal"}, {"fuel terminal"},
        {"fuel infrastructure"}, {"fuel and lubricant"}, {"compressor station"}, {"gas compressor"},
        {"gas metering"}, {"gas processing"}, {"gas plant"}, {"gas production"}, {"gas field"},
        {"gas facilit"}, {"gas infrastructure"}, {"pumping station"}, {"naftogaz"}, {"нафтогаз"},
        {"gazprom"}, {"газпром"}, {"transneft"}, {"транснефт"}, {"rosneft"}, {"роснефт"}, {"lukoil"},
        {"лукойл"}, {"ukrnafta"}, {"укрнафт"}, {"ukrtransgaz"}, {"укртрансгаз"}, {"нафтобаз"}, {"нефтебаз"},
        {"газопровод"}, {"газопровід"}, {"нафтопровод"}, {"нефтепровод"}, {"газосховищ"}, {"газохранилищ"},
        {"нафтосховищ"}, {"нефтехранилищ"}, {"резервуар"}, {"пмм", true}, {"гсм", true},
        {"паливно мастильн"}, {"горюче смазочн"}, {"компресорн"}, {"компрессорн"}, {"газовидобув"},
        {"газодобыв"}, {"газопереробн"}, {"газоперерабат"}, {"газорозподільн"}, {"газораспредел"},
        {"газову інфраструктур"}, {"газова інфраструктур"}, {"газової інфраструктур"},
        {"газовой инфраструктур"}, {"газовую инфраструктур"}, {"газовая инфраструктур"},
        {"нафтоперекачувальн"}, {"нефтеперекачивающ"}}},
      {TargetKind::PowerGenerationTransmission,
       {{"power plant"}, {"power station"}, {"thermal power"}, {"tpp", true}, {"chp", true},
        {"combined heat"}, {"transformer"}, {"power grid"}, {"electricity grid"}, {"grid equipment"},
        {"grid facilit"}, {"energy infrastructure"}, {"energy facilit"}, {"energy site"}, {"energy object"},
        {"power facilit"}, {"power infrastructure"}, {"power generation"}, {"electricity infrastructure"},
        {"solar power"}, {"solar plant"}, {"solar farm"}, {"solar panel"}, {"solar station"}, {"wind farm"},
        {"ukrenergo"}, {"укренерго"}, {"укрэнерго"}, {"dtek"}, {"дтек"}, {"дтэк"}, {"centrenergo"},
        {"центренерго"}, {"rosseti"}, {"россети"}, {"тес", true}, {"тэс", true}, {"тец", true}, {"тэц", true},
        {"сес", true}, {"електростанц"}, {"электростанц"}, {"теплоелектроцентрал"}, {"теплоэлектроцентрал"},
        {"трансформатор"}, {"енергосистем"}, {"энергосистем"}, {"енергетичн"}, {"энергетическ"},
        {"енергооб"}, {"энергообъект"}, {"об'єкт енергетики"}, {"об'єкти енергетики"},
        {"об'єктах енергетики"}, {"об'єкта енергетики"}, {"объект энергетики"}, {"объекты энергетики"},
        {"объектах энергетики"}, {"объекта энергетики"}, {"обленерго"}}},
      {TargetKind::Civilian,
       {{"residential"}, {"apartment"}, {"hospital"}, {"school"}, {"civilian"}, {"dam", true}, {"dams", true},
        {"reservoir"}, {"житлов"}, {"жилой"}, {"жилого"}, {"жилые"}, {"лікарн"}, {"больниц"}, {"дамб"},
        {"гребл"}, {"плотин"}, {"водосховищ"}, {"водохранилищ"}}},
      {TargetKind::Military,
       {{"ammunition depot"}, {"command post"}, {"air base"}, {"airbase"}, {"military airfield"}, {"barracks"},
        {"склад боєприпасів"}, {"склад боеприпасов"}}},
  }};
  return RULES;
}

}  // namespace

TargetKind classify_target_lower(std::string_view lower) {
  const std::string text = normalise(lower);
  for (const Rule& rule : rules())
    for (const Keyword& keyword : rule.keywords)
      if (contains(text, keyword)) return rule.kind;
  return TargetKind::Unknown;
}

}  // namespace guarantor::verify::detail
