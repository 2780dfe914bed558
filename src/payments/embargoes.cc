#include "payments/embargoes.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/csv.h"
#include "common/file.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "input/text_key.h"

namespace embargo::payments {
namespace {

// The legal bases are the main instruments; a bank's own policy may add
// others (UK, Japan, Canada, Australia) by replacing the table.
constexpr std::string_view kDefaultCsv = R"csv(jurisdiction,kind,name,spellings,legal_basis
KP,country,North Korea,"North Korea;DPRK;D.P.R.K.;DPR Korea;Korea DPR;Korea North;Korea (North);Democratic People's Republic of Korea;Korea Democratic People's Republic;북한;조선민주주의인민공화국","US 31 CFR Part 510 and EO 13722 (comprehensive); UN SCR 1718 (2006) and successors; EU Regulation 2017/1509"
KP,town,Pyongyang,"Pyongyang;Phyongyang;Pjongjang;Pyeongyang;평양",
KP,town,Nampo,"Nampo;Nampho;Chinnampo;남포",
KP,town,Chongjin,"Chongjin;Cheongjin;청진",
KP,town,Hamhung,"Hamhung;Hamheung;함흥",
KP,town,Wonsan,"Wonsan;원산",
KP,town,Sinuiju,"Sinuiju;Sinuiju City;신의주",
KP,town,Kaesong,"Kaesong;Gaeseong;개성",
KP,town,Rason,"Rason;Rajin-Sonbong;Rason City;라선",
KP,town,Haeju,"Haeju;해주",
KP,town,Hungnam,"Hungnam;Heungnam;흥남",
KP,town,Songnim,"Songnim;송림",
IR,country,Iran,"Iran;Islamic Republic of Iran;Iran Islamic Republic;Iran (Islamic Republic of);ایران","US 31 CFR Part 560 (Iranian Transactions and Sanctions Regulations); EU Regulation 267/2012"
IR,town,Tehran,"Tehran;Teheran;تهران",
IR,town,Bandar Abbas,"Bandar Abbas;Bandar-e Abbas;بندرعباس",
IR,town,Bandar Imam Khomeini,"Bandar Imam Khomeini;Bandar-e Emam Khomeyni",
IR,town,Bushehr,"Bushehr;Bushire;بوشهر",
IR,town,Isfahan,"Isfahan;Esfahan;اصفهان",
IR,town,Mashhad,"Mashhad;Mashad;مشهد",
IR,town,Tabriz,"Tabriz;تبریز",
IR,town,Qom,"Qom;Ghom;قم",
IR,town,Ahvaz,"Ahvaz;Ahwaz;اهواز",
IR,town,Chabahar,"Chabahar;چابهار",
IR,town,Kish Island,"Kish Island;Kish Free Zone",
CU,country,Cuba,"Cuba;Republic of Cuba;República de Cuba",US 31 CFR Part 515 (Cuban Assets Control Regulations)
CU,town,Havana,"Havana;La Habana;Habana",
CU,town,Santiago de Cuba,"Santiago de Cuba",
CU,town,Mariel,"Puerto de Mariel;Port of Mariel;Mariel Special Development Zone",
CU,town,Cienfuegos,"Cienfuegos",
SY,country,Syria,"Syria;Syrian Arab Republic;سوريا;سورية","EU Regulation 36/2012 (partly suspended in 2025); US 31 CFR Part 542 ended by EO 14312 (30 June 2025): review against your own policy"
SY,town,Damascus,"Damascus;Dimashq;دمشق",
SY,town,Aleppo,"Aleppo;حلب",
SY,town,Latakia,"Latakia;Lattakia;Latakiya;اللاذقية",
SY,town,Tartus,"Tartus;Tartous;طرطوس",
SY,town,Homs,"Homs;حمص",
UA-43,region,Crimea,"Crimea;Krym;Republic of Crimea;Autonomous Republic of Crimea;Крым;Крим;UA-43","US EO 13685 (Crimea region of Ukraine); EU Regulation 692/2014"
UA-43,town,Simferopol,"Simferopol;Симферополь;Сімферополь",
UA-43,town,Kerch,"Kerch;Керчь;Керч",
UA-43,town,Yalta,"Yalta;Ялта",
UA-43,town,Feodosia,"Feodosia;Feodosiya;Theodosia;Феодосия",
UA-43,town,Yevpatoria,"Yevpatoria;Evpatoria;Yevpatoriya;Евпатория",
UA-43,town,Dzhankoi,"Dzhankoi;Dzhankoy;Джанкой",
UA-40,region,Sevastopol,"Sevastopol;Sebastopol;Севастополь;UA-40","US EO 13685 (Crimea region of Ukraine); EU Regulation 692/2014"
UA-14,region,so-called Donetsk People's Republic,"Donetsk People's Republic;DNR;Donetskaya Narodnaya Respublika;ДНР","US EO 14065 (so-called DNR region of Ukraine); EU Regulation 2022/263 (non-government-controlled areas of the Donetsk oblast)"
UA-14,town,Donetsk,"Donetsk;Донецк;Донецьк",
UA-14,town,Makiivka,"Makiivka;Makeyevka;Makeevka;Макеевка",
UA-14,town,Horlivka,"Horlivka;Gorlovka;Горловка",
UA-14,town,Mariupol,"Mariupol;Мариуполь;Маріуполь",
UA-09,region,so-called Luhansk People's Republic,"Luhansk People's Republic;Lugansk People's Republic;LNR;Luganskaya Narodnaya Respublika;ЛНР","US EO 14065 (so-called LNR region of Ukraine); EU Regulation 2022/263 (non-government-controlled areas of the Luhansk oblast)"
UA-09,town,Luhansk,"Luhansk;Lugansk;Луганск;Луганськ",
UA-09,town,Alchevsk,"Alchevsk;Alchevs'k;Алчевск",
UA-23,town,Melitopol,"Melitopol;Мелитополь;Мелітополь","EU Regulation 2022/263 as amended by 2022/1903 (non-government-controlled areas of the Zaporizhzhia oblast)"
UA-23,town,Berdiansk,"Berdiansk;Berdyansk;Бердянск",
UA-23,town,Enerhodar,"Enerhodar;Energodar;Энергодар",
UA-65,town,Nova Kakhovka,"Nova Kakhovka;Novaya Kakhovka;Новая Каховка","EU Regulation 2022/263 as amended by 2022/1903 (non-government-controlled areas of the Kherson oblast)"
UA-65,town,Henichesk,"Henichesk;Genichesk;Геническ",
UA-65,town,Skadovsk,"Skadovsk;Скадовск",
)csv";

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// One word's key: ASCII words folded here (most message text), others by
// the Unicode lookup key.
std::string WordKey(std::string_view word) {
  if (!IsAscii(word)) return input::FoldedKey(word);
  std::string key;
  key.reserve(word.size());
  for (unsigned char c : word) {
    if (IsAsciiAlnum(c)) key += AsciiLower(c);
  }
  return key;
}

bool IsWordByte(unsigned char c) { return c >= 0x80 || IsAsciiAlnum(c) || c == '\''; }

std::string JoinKeys(const std::vector<Word>& words, size_t from, size_t count) {
  std::string key;
  for (size_t i = from; i < from + count; ++i) key += words[i].key;
  return key;
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    size_t begin = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == begin) continue;
    std::string key = WordKey(text.substr(begin, i - begin));
    if (!key.empty()) words.push_back({std::move(key), begin, i});
  }
  return words;
}

Result<std::shared_ptr<const Embargoes>> Embargoes::Parse(std::string_view csv,
                                                          const std::string& file) {
  auto rows = ReadCsv(csv, file);
  if (!rows.ok()) return rows.error();
  if (rows->empty())
    return MakeError(
        file, 1,
        "no header: expected " + std::string("jurisdiction,kind,name,spellings,legal_basis"));
  const std::vector<std::string> expected = {"jurisdiction", "kind", "name", "spellings",
                                             "legal_basis"};
  const CsvRow& header = rows->front();
  if (header.fields.size() < expected.size() ||
      !std::equal(expected.begin(), expected.end(), header.fields.begin(),
                  [](const std::string& want, const std::string& got) {
                    return EqualsIgnoreCase(want, Trim(got));
                  })) {
    return MakeError(file, header.line,
                     "header must be jurisdiction,kind,name,spellings,legal_basis");
  }
  auto table = std::make_shared<Embargoes>();
  // Every bad row is reported, not only the first: the table is one file
  // people edit by hand, and a fix per run is slow to converge.
  auto add_row = [&](const CsvRow& row) -> std::optional<Error> {
    if (row.fields.size() != expected.size()) {
      return MakeError(file, row.line,
                       fmt::format("expected 5 fields, found {}", row.fields.size()));
    }
    Place place{std::string(Trim(row.fields[0])), std::string(Trim(row.fields[1])),
                std::string(Trim(row.fields[2])), std::string(Trim(row.fields[4]))};
    if (!IsValidUtf8(row.fields[3]) || !IsValidUtf8(place.name) ||
        !IsValidUtf8(place.legal_basis)) {
      return MakeError(file, row.line, "not valid UTF-8");
    }
    if (place.jurisdiction.empty()) return MakeError(file, row.line, "jurisdiction is empty");
    if (place.kind != "country" && place.kind != "region" && place.kind != "town") {
      return MakeError(file, row.line,
                       "kind '" + place.kind + "' is not one of country, region, town");
    }
    if (place.kind == "country" &&
        (place.jurisdiction.size() != 2 || !IsValidUtf8(place.jurisdiction))) {
      return MakeError(file, row.line,
                       "a country's jurisdiction must be its ISO alpha-2 code, not '" +
                           place.jurisdiction + "'");
    }
    if (place.legal_basis.empty()) {
      // A town inherits the basis of its jurisdiction's first row.
      auto first = std::find_if(table->places_.begin(), table->places_.end(), [&](const Place& p) {
        return p.jurisdiction == place.jurisdiction;
      });
      if (first == table->places_.end()) {
        return MakeError(
            file, row.line,
            "legal_basis is empty and no earlier row of " + place.jurisdiction + " gives one");
      }
      place.legal_basis = first->legal_basis;
    }
    // Checked in full before anything is added: a bad row leaves the
    // table as it was, for the rows after it to be checked against.
    const size_t index = table->places_.size();
    std::string code;
    if (place.kind == "country") {
      code = place.jurisdiction;
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (table->by_code_.count(code) > 0) {
        return MakeError(file, row.line, "a second country row for " + code);
      }
    }
    std::map<std::string, size_t> keys;  // this row's spellings' keys -> their word counts
    for (const std::string& spelling : SplitList(row.fields[3], ';')) {
      std::vector<Word> words = SplitWords(spelling);
      if (words.empty()) continue;
      std::string key = JoinKeys(words, 0, words.size());
      if (auto it = table->by_spelling_.find(key); it != table->by_spelling_.end()) {
        return MakeError(
            file, row.line,
            "spelling '" + spelling + "' is also given for " + table->places_[it->second].name);
      }
      keys.emplace(std::move(key), words.size());
    }
    if (keys.empty()) return MakeError(file, row.line, "no spelling given");
    if (!code.empty()) table->by_code_.emplace(code, index);
    for (const auto& [key, words] : keys) {
      table->by_spelling_.emplace(key, index);
      table->max_words_ = std::max(table->max_words_, words);
    }
    table->places_.push_back(std::move(place));
    return std::nullopt;
  };
  std::vector<Error> problems;
  for (size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& row = (*rows)[r];
    if (row.fields.size() == 1 && Trim(row.fields[0]).empty()) continue;
    if (std::optional<Error> problem = add_row(row)) problems.push_back(std::move(*problem));
  }
  if (!problems.empty()) {
    Error all = problems.front();
    for (size_t i = 1; i < problems.size(); ++i) all.message += "\n" + problems[i].ToString();
    return all;
  }
  return std::shared_ptr<const Embargoes>(std::move(table));
}

Result<std::shared_ptr<const Embargoes>> Embargoes::Load(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return Parse(*bytes, path);
}

const Place* Embargoes::Country(std::string_view code) const {
  if (code.size() != 2) return nullptr;
  std::string key(code);
  for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto it = by_code_.find(key);
  return it == by_code_.end() ? nullptr : &places_[it->second];
}

const Place* Embargoes::Named(std::string_view field) const {
  std::vector<Word> words = SplitWords(field);
  if (words.empty()) return nullptr;
  auto it = by_spelling_.find(JoinKeys(words, 0, words.size()));
  return it == by_spelling_.end() ? nullptr : &places_[it->second];
}

std::vector<PlaceMention> Embargoes::Scan(std::string_view text) const {
  std::vector<PlaceMention> found;
  std::vector<Word> words = SplitWords(text);
  size_t i = 0;
  while (i < words.size()) {
    size_t matched = 0;
    const Place* place = nullptr;
    std::string key;
    for (size_t n = 1; n <= max_words_ && i + n <= words.size(); ++n) {
      key += words[i + n - 1].key;
      auto it = by_spelling_.find(key);
      if (it != by_spelling_.end()) matched = n, place = &places_[it->second];
    }
    if (place == nullptr) {
      ++i;
      continue;
    }
    found.push_back({place, std::string(text.substr(words[i].begin,
                                                    words[i + matched - 1].end - words[i].begin))});
    i += matched;
  }
  return found;
}

const std::shared_ptr<const Embargoes>& DefaultEmbargoes() {
  static const std::shared_ptr<const Embargoes> table = [] {
    auto parsed = Embargoes::Parse(kDefaultCsv, "default embargoes");
    // The shipped table is pinned by EmbargoesTest; a bad edit fails there.
    if (!parsed.ok()) return std::make_shared<const Embargoes>();
    return *parsed;
  }();
  return table;
}

std::string_view DefaultEmbargoesCsv() { return kDefaultCsv; }

}  // namespace embargo::payments
