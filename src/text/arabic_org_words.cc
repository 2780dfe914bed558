#include "text/arabic_org_words.h"

#include <algorithm>
#include <unordered_map>

#include "common/utf8.h"
#include "text/replace_letters.h"

namespace embargo::text {
namespace {

// One spelling per word, as Normalize leaves it (ا for أ إ آ, ي for ی ى, ك
// for ک, ه for ة).
const std::unordered_map<std::u32string, std::string_view>& Words() {
  static const auto* words = new std::unordered_map<std::u32string, std::string_view>{
      {U"جبهه", "front"},
      {U"شبكه", "network"},
      {U"مكتب", "office"},
      {U"صرافه", "exchange"},
      {U"صرافي", "exchange"},
      {U"شركه", "company"},
      {U"شركت", "company"},
      {U"موسسه", "foundation"},
      {U"مؤسسه", "foundation"},
      {U"جمعيه", "society"},
      {U"جمعيت", "society"},
      {U"جماعه", "group"},
      {U"مجموعه", "group"},
      {U"تنظيم", "organization"},
      {U"حركه", "movement"},
      {U"حركت", "movement"},
      {U"كتائب", "brigades"},
      {U"كتيبه", "battalion"},
      {U"لواء", "brigade"},
      {U"جيش", "army"},
      {U"مجلس", "council"},
      {U"بنك", "bank"},
      {U"بانك", "bank"},
      {U"مصرف", "bank"},
      {U"تجاره", "trading"},
      {U"تجاريه", "commercial"},
      {U"اسلاميه", "islamic"},
      {U"اسلامي", "islamic"},
      {U"دوله", "state"},
      {U"اتحاد", "union"},
      {U"مسلحه", "armed"},
      {U"مقاتله", "fighting"},
      {U"هيئه", "committee"},
      {U"تحرير", "liberation"},
      {U"جند", "soldiers"},
      {U"خلافه", "caliphate"},
      {U"شام", "levant"},
      {U"خيريه", "charitable"},
      {U"اغاثه", "relief"},
      {U"خدمات", "services"},
      {U"مركز", "center"},
      {U"صناعات", "industries"},
      {U"في", "in"},
  };
  return *words;
}

char32_t Normalize(char32_t c) {
  switch (c) {
    case 0x0623:
    case 0x0625:
    case 0x0622: return 0x0627;  // أ إ آ -> ا
    case 0x06CC:
    case 0x0649: return 0x064A;  // ی ى -> ي
    case 0x06A9: return 0x0643;  // ک -> ك
    case 0x0629: return 0x0647;  // ة -> ه
    default: return c;
  }
}

bool IsArabicLetter(char32_t c) { return c >= 0x0620 && c <= 0x06FF; }

// The English of `word` (normalised letters), with its prefixes taken off:
// و (and), ب (bi-), لل (li- + the article), ال (the article).
std::string_view Lookup(std::u32string_view word) {
  const auto& words = Words();
  auto find = [&](std::u32string_view w) -> std::string_view {
    if (w.size() < 2) return {};
    auto it = words.find(std::u32string(w));
    return it == words.end() ? std::string_view() : it->second;
  };
  for (int and_prefix = 0; and_prefix < 2; ++and_prefix) {
    std::u32string_view w = word;
    if (and_prefix == 1) {
      if (w.empty() || (w[0] != 0x0648 && w[0] != 0x0628)) break;  // و, ب
      w.remove_prefix(1);
    }
    if (std::string_view e = find(w); !e.empty()) return e;
    if (w.size() > 2 && w[0] == 0x0627 && w[1] == 0x0644) {  // ال
      if (std::string_view e = find(w.substr(2)); !e.empty()) return e;
    }
    if (w.size() > 2 && w[0] == 0x0644 && w[1] == 0x0644) {  // لل
      if (std::string_view e = find(w.substr(2)); !e.empty()) return e;
    }
  }
  return {};
}

}  // namespace

std::vector<std::string> OrganisationReadings(std::string_view name) {
  std::vector<std::string> out;
  // Every letter of the Arabic block (U+0600..U+06FF) starts with one of
  // these bytes in UTF-8.
  if (std::none_of(name.begin(), name.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b >= 0xD8 && b <= 0xDB;
      }))
    return out;
  for (std::string reading : {ArabicOrgWordsReading(name), ConstructStateReading(name)}) {
    if (!reading.empty()) out.push_back(std::move(reading));
  }
  return out;
}

std::string ArabicOrgWordsReading(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool changed = false;
  std::u32string word;
  size_t word_begin = 0;
  auto flush = [&](size_t end) {
    if (word.empty()) return;
    std::string_view english = Lookup(word);
    if (english.empty()) {
      out.append(name.substr(word_begin, end - word_begin));
    } else {
      out.push_back(' ');
      out.append(english);
      out.push_back(' ');
      changed = true;
    }
    word.clear();
  };
  for (size_t i = 0; i < name.size();) {
    Utf8Char c = DecodeUtf8(name, i);
    if (c.length == 0) return "";
    if (c.code_point == 0x0640 && !word.empty()) {  // the tatweel stretches a word
      i += c.length;
      continue;
    }
    if (IsArabicLetter(c.code_point) && c.code_point != 0x0640) {
      if (word.empty()) word_begin = i;
      word.push_back(Normalize(c.code_point));
    } else {
      flush(i);
      out.append(name.substr(i, c.length));
    }
    i += c.length;
  }
  flush(name.size());
  return changed ? out : "";
}

std::string ConstructStateReading(std::string_view name) {
  constexpr char32_t kTehMarbuta = 0x0629, kTeh = 0x062A;
  return ReplaceLetters(name, [&](char32_t c, size_t next) {
    if (c != kTehMarbuta) return c;
    // The word ends, and another Arabic word follows past the spaces.
    size_t j = next;
    while (j < name.size() && name[j] == ' ') ++j;
    if (j == next || j == name.size()) return c;
    Utf8Char after = DecodeUtf8(name, j);
    return after.length > 0 && IsArabicLetter(after.code_point) ? kTeh : c;
  });
}

}  // namespace embargo::text
