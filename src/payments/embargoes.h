// Embargoed jurisdictions: the countries and regions a payment must not
// touch whoever the parties are, each with its legal basis and the names
// and towns that identify it in a message (North Korea: "DPRK", "KOREA,
// NORTH", Pyongyang, Nampo, 평양...; Crimea: Sevastopol, Simferopol...).
//
// The table is data, not code: a CSV with the header
//   jurisdiction,kind,name,spellings,legal_basis
// one row per country, region or town; `jurisdiction` groups rows (an ISO
// alpha-2 code for a country, ISO 3166-2 for a region: "UA-43"), `kind` is
// country, region or town, `spellings` are ';'-separated, and a row without
// a legal basis takes that of its jurisdiction's first row. A country row's
// code also matches country fields (ISO Ctry, MT 3/ lines, a BIC's or an
// IBAN's country). DefaultEmbargoes() is the table embargo ships
// (docs/PAYMENTS.md lists it); `payments screen --embargoes FILE` replaces
// it. Spellings match however cased, accented, spaced or hyphenated
// ("Nam-po", "P'YONGYANG", "North  Korea"), always on whole words.
// Immutable once loaded; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "embargo/status.h"

namespace embargo::payments {

struct Place {
  std::string jurisdiction;  // "KP", "UA-43"
  std::string kind;          // country, region, town
  std::string name;          // "Pyongyang"
  std::string legal_basis;   // "US 31 CFR 510; UN SCR 1718; EU 2017/1509"
};

// A place named in a text: which row, and the words that named it.
struct PlaceMention {
  const Place* place = nullptr;
  std::string text;  // as written in the message
};

class Embargoes {
 public:
  // Parses the CSV table; each bad row is an error with its line.
  static Result<std::shared_ptr<const Embargoes>> Parse(std::string_view csv,
                                                        const std::string& file);
  static Result<std::shared_ptr<const Embargoes>> Load(const std::string& path);

  // The country row for an ISO alpha-2 code (any case), or nullptr.
  const Place* Country(std::string_view code) const;

  // The place a short field names as a whole (a town, region or country
  // field: "Pyongyang", "KRYM"), or nullptr.
  const Place* Named(std::string_view field) const;

  // Every place named in free text, on whole words, in text order; a
  // place's longest spelling wins where spellings overlap.
  std::vector<PlaceMention> Scan(std::string_view text) const;

  const std::vector<Place>& places() const { return places_; }

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, size_t> by_code_;      // "KP" -> country row
  std::unordered_map<std::string, size_t> by_spelling_;  // folded words joined -> row
  size_t max_words_ = 1;                                 // words in the longest spelling
};

// The table embargo ships: North Korea, Iran, Cuba, Syria, and the
// occupied regions of Ukraine (Crimea, Sevastopol, the so-called DNR and
// LNR, the occupied parts of Zaporizhzhia and Kherson), with their main
// towns and ports.
const std::shared_ptr<const Embargoes>& DefaultEmbargoes();
std::string_view DefaultEmbargoesCsv();

// The words of `text` as place spellings and text scanning compare them:
// split at anything but letters, digits and apostrophes, each folded
// (case, accents and apostrophes removed). Exposed for tests.
struct Word {
  std::string key;
  size_t begin = 0;  // byte offsets in the text
  size_t end = 0;
};
std::vector<Word> SplitWords(std::string_view text);

}  // namespace embargo::payments
