#include "input/country_reading.h"

#include <fmt/format.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/uregion.h>
#include <unicode/ures.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

#include "common/strings.h"
#include "input/text_key.h"
#include "model/country.h"

namespace embargo::input {
namespace {

using Codes = std::vector<std::string>;

struct NameRow {
  std::string_view name;
  std::string_view codes;  // '|'-separated alpha-2 codes
};

// Names that stand for more than one country: every reading is kept, so
// that neither gives a mismatch penalty. "Guinea" is not among them: it is
// the short name of one country (GN) and the others are always qualified
// (Equatorial Guinea, Guinea-Bissau, Papua New Guinea).
constexpr NameRow kAmbiguous[] = {
    {"Korea", "kp|kr"},     {"Korean", "kp|kr"},         {"Corée", "kp|kr"}, {"Coreia", "kp|kr"},
    {"Corea", "kp|kr"},     {"Корея", "kp|kr"},          {"كوريا", "kp|kr"}, {"코리아", "kp|kr"},
    {"Congo", "cd|cg"},     {"Kongo", "cd|cg"},          {"Конго", "cd|cg"}, {"Congolese", "cd|cg"},
    {"Congolais", "cd|cg"}, {"Virgin Islands", "vg|vi"},
};

// Names neither embargo's table nor ICU has: Korean, Japanese and Chinese
// everyday and official names of both Koreas, and official long forms of
// sanctioned countries in their own languages.
constexpr NameRow kExtraNames[] = {
    {"한국", "kr"},
    {"남한", "kr"},
    {"남조선", "kr"},
    {"韓國", "kr"},
    {"大韓民國", "kr"},
    {"大韓民国", "kr"},
    {"大韩民国", "kr"},
    {"Hanguk", "kr"},
    {"Южная Корея", "kr"},
    {"조선", "kp"},
    {"북조선", "kp"},
    {"조선민주주의인민공화국", "kp"},
    {"朝鮮", "kp"},
    {"朝鮮民主主義人民共和国", "kp"},
    {"朝鲜民主主义人民共和国", "kp"},
    {"Choson", "kp"},
    {"Северная Корея", "kp"},
    {"Корейская Народно-Демократическая Республика", "kp"},
    {"Российская Федерация", "ru"},
    {"中华人民共和国", "cn"},
    {"中華人民共和國", "cn"},
    {"جمهوری اسلامی ایران", "ir"},
    {"الجمهورية العربية السورية", "sy"},
    {"República de Cuba", "cu"},
    {"Республика Беларусь", "by"},
    {"Weißrussland", "by"},
};

Codes SplitCodes(std::string_view codes) {
  Codes out;
  for (const std::string& c : SplitList(codes, '|')) out.push_back(c);
  return out;
}

// Whether `code` (lowercase alpha-2) is a country embargo knows.
bool IsKnownCode(const std::string& code) {
  return code.size() == 2 && NormalizeCountry(code) == code;
}

// Every country name in ICU's region data (each locale's "Countries",
// "Countries%short" and "Countries%variant" tables), by FoldedKey, with the
// extra names above. A key ICU gives to two countries keeps
// both ("Kongo" in several languages).
class CountryNames {
 public:
  CountryNames() {
    AddIcuNames();
    for (const NameRow& row : kExtraNames) by_key_[FoldedKey(row.name)] = SplitCodes(row.codes);
    for (auto& [key, codes] : by_key_) {
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
  }

  const Codes* Find(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &it->second;
  }

 private:
  void AddIcuNames() {
    const std::string path = std::string(U_ICUDATA_NAME) + "-region";
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UEnumeration, decltype(&uenum_close)> locales(
        ures_openAvailableLocales(path.c_str(), &status), &uenum_close);
    if (U_FAILURE(status)) return;
    while (const char* locale = uenum_next(locales.get(), nullptr, &status)) {
      if (U_FAILURE(status)) return;
      UErrorCode open_status = U_ZERO_ERROR;
      std::unique_ptr<UResourceBundle, decltype(&ures_close)> bundle(
          ures_open(path.c_str(), locale, &open_status), &ures_close);
      if (U_FAILURE(open_status)) continue;
      for (const char* table : {"Countries", "Countries%short", "Countries%variant"}) {
        AddTable(bundle.get(), table);
      }
    }
  }

  void AddTable(UResourceBundle* bundle, const char* table) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UResourceBundle, decltype(&ures_close)> names(
        ures_getByKey(bundle, table, nullptr, &status), &ures_close);
    if (U_FAILURE(status)) return;
    for (int32_t i = 0, n = ures_getSize(names.get()); i < n; ++i) {
      UErrorCode item_status = U_ZERO_ERROR;
      const char* region = nullptr;
      int32_t length = 0;
      const UChar* name = ures_getNextString(names.get(), &length, &region, &item_status);
      if (U_FAILURE(item_status) || region == nullptr) continue;
      std::string code = Lower(region);
      if (!IsKnownCode(code)) continue;
      std::string utf8;
      icu::UnicodeString(name, length).toUTF8String(utf8);
      Codes& codes = by_key_[FoldedKey(utf8)];
      codes.push_back(code);
    }
  }

  static std::string Lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  std::unordered_map<std::string, Codes> by_key_;
};

const CountryNames& Names() {
  static const CountryNames* const names = new CountryNames();
  return *names;
}

const std::unordered_map<std::string, Codes>& AmbiguousNames() {
  static const auto* const names = [] {
    auto* by_key = new std::unordered_map<std::string, Codes>();
    for (const NameRow& row : kAmbiguous) (*by_key)[FoldedKey(row.name)] = SplitCodes(row.codes);
    return by_key;
  }();
  return *names;
}

// ISO 3166-1 numeric ("408" -> kp), through ICU's region data.
std::string FromNumericCode(std::string_view text) {
  auto number = ParseNumber<int32_t>(text);
  if (!number || text.size() > 3) return "";
  UErrorCode status = U_ZERO_ERROR;
  const URegion* region = uregion_getRegionFromNumericCode(*number, &status);
  if (U_FAILURE(status) || uregion_getType(region) != URGN_TERRITORY) return "";
  std::string code = uregion_getRegionCode(region);
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return IsKnownCode(code) ? code : "";
}

// The readings of `text` without the "(South)" reordering.
Codes Lookup(std::string_view text) {
  std::string key = FoldedKey(text);
  if (key.empty()) return {};
  // Ambiguous names go first: embargo's table reads "Congo" as the
  // Republic of the Congo, as lists mean it.
  if (auto it = AmbiguousNames().find(key); it != AmbiguousNames().end()) return it->second;
  if (std::string iso = NormalizeCountry(text); !iso.empty()) return {iso};
  if (std::string iso = FromNumericCode(text); !iso.empty()) return {iso};
  const Codes* codes = Names().Find(key);
  return codes == nullptr ? Codes{} : *codes;
}

std::string Labelled(const Codes& codes) {
  std::vector<std::string> parts;
  for (const std::string& c : codes) parts.push_back(fmt::format("{} ({})", c, CountryLabel(c)));
  return fmt::format("{}", fmt::join(parts, " or "));
}

}  // namespace

FieldReading<std::string> ReadCountry(std::string_view text) {
  FieldReading<std::string> out;
  text = Trim(text);
  if (IsBlank(text)) return out;
  out.values = Lookup(text);
  size_t open = text.find('(');
  if (out.values.empty() && open != std::string_view::npos && open > 0 && text.back() == ')') {
    // "Korea (South)" is "South Korea".
    std::string inner(text.substr(open + 1, text.size() - open - 2));
    out.values = Lookup(inner + " " + std::string(text.substr(0, open)));
  }
  if (out.values.empty()) {
    out.warning = fmt::format("country '{}' is not a known country: ignored", text);
  } else if (out.values.size() > 1) {
    out.warning = fmt::format("country '{}' is ambiguous: read as {}", text, Labelled(out.values));
  }
  return out;
}

}  // namespace embargo::input
