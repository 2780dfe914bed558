// What a name field wraps around a party's name, cut away so that the name
// can be read alone: a label before it ("ORDERING CUSTOMER: KALLIOSAARI
// TRADING OY"), what follows a firm's or vessel's name after its first comma
// or dash (an address, a port, a branch: "GOLDEN KINNAREE, Laem Chabang",
// "Coastline Agro Supplies Ltd - Malindi Branch"), the words that introduce
// a former name in brackets ("(ex-Cape Diamond)"). Pure functions of UTF-8
// text; match/derived_names.cc reads the query again without them (and
// without the countries it names: model/country.h, NameWithoutCountries).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace embargo::text {

// The text after a label of one to three words without digits and a colon
// ("SHIPPER: TRANSPORTES REFRIGERADOS SA" -> "TRANSPORTES REFRIGERADOS SA");
// "" when there is none.
std::string AfterLabel(std::string_view field);

// A name and what qualifies it after the first ", " or " - " (or an en
// dash), that part's leading commas, dashes and spaces dropped ("Tidewell
// Process Equipment Inc, 12250 Brevard Ln" -> "Tidewell Process Equipment
// Inc" and "12250 Brevard Ln"); nullopt when there is no such mark with
// letters before it and a letter or digit after it.
struct Qualified {
  std::string name;
  std::string qualifier;
};
std::optional<Qualified> SplitQualifier(std::string_view field);

// A bracketed part without the words that say it is a former or other name
// ("ex-Cape Diamond", "formerly Cape Diamond", "f/k/a Cape Diamond" -> "Cape
// Diamond"); the part itself when it has none.
std::string WithoutFormerNameLeadIn(std::string_view part);

}  // namespace embargo::text
