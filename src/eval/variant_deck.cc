#include "eval/variant_deck.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <random>

#include "text/name_analyzer.h"

namespace embargo::eval {
namespace {

using Tokens = std::vector<std::string>;

bool IsAsciiName(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

Tokens SplitName(const std::string& name) {
  Tokens out;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string Join(const Tokens& t, const std::string& sep = " ") {
  std::string out;
  for (const auto& s : t) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// abd (servant of) and its spellings: the first half of a compound name.
bool IsAbdCompoundHead(const std::string& token) {
  static const std::string kHeads[] = {"abd", "abdu", "abdul", "abdel", "abdal", "abdol", "abdoul"};
  std::string t = Lower(token);
  return std::find(std::begin(kHeads), std::end(kHeads), t) != std::end(kHeads);
}

bool IsAlphaToken(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// One random edit: substitute, delete, insert or swap two neighbours,
// never on the first letter (typists and OCR rarely get that wrong).
std::string Typo(const std::string& token, std::mt19937& rng) {
  std::string t = token;
  std::uniform_int_distribution<int> op_dist(0, 3);
  std::uniform_int_distribution<size_t> pos_dist(1, t.size() - 1);
  std::uniform_int_distribution<int> letter('a', 'z');
  size_t pos = pos_dist(rng);
  char letter_c = static_cast<char>(letter(rng));
  if (std::isupper(static_cast<unsigned char>(t[pos])))
    letter_c = static_cast<char>(std::toupper(letter_c));
  switch (op_dist(rng)) {
    case 0:
      t[pos] =
          (t[pos] == letter_c)
              ? static_cast<char>(letter_c == 'z' || letter_c == 'Z' ? letter_c - 1 : letter_c + 1)
              : letter_c;
      break;
    case 1: t.erase(pos, 1); break;
    case 2: t.insert(pos, 1, letter_c); break;
    default:
      if (pos + 1 < t.size())
        std::swap(t[pos], t[pos + 1]);
      else
        std::swap(t[pos - 1], t[pos]);
  }
  return t;
}

// Token rewrites by table: spellings other lists and documents use.
std::string Rewrite(const std::string& token, const std::map<std::string, std::string>& table) {
  auto it = table.find(Lower(token));
  if (it == table.end()) return token;
  std::string out = it->second;
  if (!token.empty() && std::isupper(static_cast<unsigned char>(token.back()))) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else if (!token.empty() && std::isupper(static_cast<unsigned char>(token[0]))) {
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  return out;
}

const std::map<std::string, std::string>& KoreanTable() {
  // ROK passport / Revised Romanisation spellings of DPRK-style syllables.
  static const std::map<std::string, std::string> t = {
      {"ri", "Lee"},       {"pak", "Park"},     {"choe", "Choi"}, {"jong", "Jung"},
      {"chong", "Jeong"},  {"chol", "Cheol"},   {"kim", "Gim"},   {"yong", "Young"},
      {"song", "Sung"},    {"hyon", "Hyun"},    {"kang", "Gang"}, {"ryu", "Yoo"},
      {"rim", "Lim"},      {"ro", "Roh"},       {"so", "Seo"},    {"sok", "Seok"},
      {"hyok", "Hyeok"},   {"un", "Eun"},       {"chon", "Jeon"}, {"ko", "Go"},
      {"mun", "Moon"},     {"chu", "Joo"},      {"ku", "Koo"},    {"kwang", "Gwang"},
      {"myong", "Myeong"}, {"chang", "Jang"},   {"tong", "Dong"}, {"pyong", "Pyeong"},
      {"sung", "Seung"},   {"hak", "Hak"},      {"ok", "Ok"},     {"il", "Il"},
      {"nam", "Nam"},      {"chun", "Choon"},   {"yun", "Yoon"},  {"su", "Soo"},
      {"kyong", "Kyeong"}, {"hyong", "Hyeong"}, {"ung", "Eung"}};
  return t;
}

const std::map<std::string, std::string>& ArabicTable() {
  static const std::map<std::string, std::string> t = {{"muhammad", "Mohammed"},
                                                       {"mohammed", "Muhammad"},
                                                       {"mohammad", "Mohamed"},
                                                       {"mohamed", "Muhammad"},
                                                       {"ahmad", "Ahmed"},
                                                       {"ahmed", "Ahmad"},
                                                       {"qadhafi", "Gaddafi"},
                                                       {"husayn", "Hussein"},
                                                       {"hussein", "Husain"},
                                                       {"husain", "Hussein"},
                                                       {"yusuf", "Youssef"},
                                                       {"hasan", "Hassan"},
                                                       {"hassan", "Hasan"},
                                                       {"abdullah", "Abdallah"},
                                                       {"usama", "Osama"},
                                                       {"umar", "Omar"},
                                                       {"omar", "Umar"},
                                                       {"mustafa", "Mostafa"},
                                                       {"khalid", "Khaled"},
                                                       {"mahmud", "Mahmoud"},
                                                       {"mahmoud", "Mahmud"},
                                                       {"abu", "Abou"},
                                                       {"al", "El"},
                                                       {"bin", "Ibn"},
                                                       {"abd", "Abdul"},
                                                       {"ali", "Aly"},
                                                       {"said", "Saeed"},
                                                       {"saeed", "Said"},
                                                       {"jamal", "Gamal"},
                                                       {"qasim", "Kassem"},
                                                       {"salih", "Saleh"},
                                                       {"saleh", "Salih"},
                                                       {"ibrahim", "Ebrahim"},
                                                       {"ismail", "Ismael"},
                                                       {"abdul", "Abdel"},
                                                       {"abdel", "Abdul"},
                                                       {"uthman", "Othman"},
                                                       {"sulaiman", "Suleiman"},
                                                       {"sulayman", "Soleiman"},
                                                       {"hamid", "Hameed"},
                                                       {"rahman", "Rehman"},
                                                       {"rashid", "Rasheed"},
                                                       {"nasir", "Nasser"},
                                                       {"nasser", "Nasir"},
                                                       {"yasin", "Yaseen"}};
  return t;
}

const std::map<std::string, std::string>& CyrillicTable() {
  static const std::map<std::string, std::string> t = {{"aleksandr", "Alexander"},
                                                       {"alexander", "Aleksandr"},
                                                       {"aleksey", "Alexei"},
                                                       {"aleksei", "Alexey"},
                                                       {"yuriy", "Iurii"},
                                                       {"yuri", "Yuriy"},
                                                       {"sergey", "Sergei"},
                                                       {"sergei", "Sergey"},
                                                       {"dmitriy", "Dmitry"},
                                                       {"dmitry", "Dmitriy"},
                                                       {"evgeniy", "Yevgeny"},
                                                       {"yevgeniy", "Evgeny"},
                                                       {"andrey", "Andrei"},
                                                       {"andrei", "Andrey"},
                                                       {"mikhail", "Mykhailo"},
                                                       {"nikolay", "Nikolai"},
                                                       {"nikolai", "Nikolay"},
                                                       {"vladimir", "Volodymyr"},
                                                       {"viktor", "Victor"},
                                                       {"igor", "Ihor"},
                                                       {"pavel", "Pavlo"},
                                                       {"yelena", "Elena"},
                                                       {"natalya", "Natalia"},
                                                       {"vasiliy", "Vasily"},
                                                       {"vasily", "Vasiliy"},
                                                       {"anatoliy", "Anatoly"},
                                                       {"valeriy", "Valery"},
                                                       {"gennadiy", "Gennady"},
                                                       {"arkadiy", "Arkady"},
                                                       {"grigoriy", "Grigory"},
                                                       {"oleg", "Oleh"},
                                                       {"olga", "Olha"},
                                                       {"tatyana", "Tatiana"},
                                                       {"yevgeny", "Evgeniy"},
                                                       {"konstantin", "Konstantyn"},
                                                       {"maksim", "Maxim"},
                                                       {"maxim", "Maksim"}};
  return t;
}

bool IsKorean(const Entity& e) {
  auto has = [](const std::vector<std::string>& v, const char* x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  if (has(e.nationalities, "kp") || has(e.nationalities, "kr") || e.source_id.rfind("KP", 0) == 0)
    return true;
  return std::any_of(e.programs.begin(), e.programs.end(),
                     [](const std::string& p) { return p.rfind("DPRK", 0) == 0; });
}

class DeckBuilder {
 public:
  DeckBuilder(const DeckOptions& options) : rng_(options.seed), kinds_(options.kinds) {}

  void AddEntity(const Entity& e) {
    std::string schema(SchemaName(e.schema));
    for (const Name& n : e.names) {
      if (n.kind == NameKind::kWeakAlias || n.value.empty()) continue;
      Add(e, schema, n.value, "exact");
    }
    const std::string& base = e.caption();
    if (!IsAsciiName(base)) return;
    Tokens tokens = SplitName(base);
    if (tokens.empty()) return;
    bool person = e.schema == Schema::kPerson;
    AddTypos(e, schema, tokens);
    if (tokens.size() >= 2) {
      Tokens swapped(tokens.begin() + 1, tokens.end());
      swapped.push_back(tokens[0]);
      Add(e, schema, Join(swapped), "swap");
      AddJoin(e, schema, tokens);
      Add(e, schema, Join(tokens, "-"), "hyphen");
    }
    // A Korean or Chinese given name is two syllables, not a first and a
    // middle name: Kim Yong is not Kim Yong Chol, so no such variants.
    bool syllabic = text::AnalyzeName(base, Schema::kPerson).syllabic;
    if (person && tokens.size() >= 3 && !syllabic) {
      // A middle name: in "LAST, First Middle" form the last of two or more
      // given names; otherwise the second of three or more parts.
      size_t comma = base.find(',');
      size_t given =
          comma == std::string::npos ? 0 : tokens.size() - SplitName(base.substr(0, comma)).size();
      size_t middle = comma != std::string::npos ? tokens.size() - 1 : 1;
      // The second half of an Arabic compound (Abdul Ghani Baradar) is not a
      // middle name: Abdul Baradar is no one's name.
      if ((comma == std::string::npos || given >= 2) && !IsAbdCompoundHead(tokens[middle - 1])) {
        Tokens dropped = tokens;
        dropped.erase(dropped.begin() + static_cast<long>(middle));
        Add(e, schema, Join(dropped), "drop_middle");
      }
      Tokens initial = tokens;
      initial[1] = initial[1].substr(0, 1) + ".";
      Add(e, schema, Join(initial), "initial");
    }
    if (IsKorean(e)) AddRewrite(e, schema, tokens, KoreanTable(), "korean");
    AddRewrite(e, schema, tokens, ArabicTable(), "arabic");
    AddRewrite(e, schema, tokens, CyrillicTable(), "cyrillic");
  }

  std::vector<DeckRow> rows;

 private:
  bool Wanted(const std::string& kind) const {
    return kinds_.empty() || std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end();
  }

  void Add(const Entity& e, const std::string& schema, const std::string& name,
           const std::string& kind) {
    if (!Wanted(kind)) return;
    rows.push_back(DeckRow{kind + "-" + std::to_string(rows.size() + 1), name, schema, e.id, kind});
  }

  void AddTypos(const Entity& e, const std::string& schema, const Tokens& tokens) {
    std::vector<size_t> long_tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].size() >= 5 && IsAlphaToken(tokens[i])) long_tokens.push_back(i);
    }
    if (long_tokens.empty()) return;
    Tokens one = tokens;
    size_t pick =
        long_tokens[std::uniform_int_distribution<size_t>(0, long_tokens.size() - 1)(rng_)];
    one[pick] = Typo(one[pick], rng_);
    Add(e, schema, Join(one), "typo");
    if (long_tokens.size() >= 2) {
      Tokens all = tokens;
      for (size_t i : long_tokens) all[i] = Typo(all[i], rng_);
      Add(e, schema, Join(all), "typo_all");
    }
  }

  // Two adjacent name parts written as one ("Jong Un" -> "Jongun"); only
  // alphabetic words, not legal forms with dots.
  void AddJoin(const Entity& e, const std::string& schema, const Tokens& tokens) {
    std::vector<size_t> starts;
    for (size_t j = 0; j + 1 < tokens.size(); ++j) {
      if (IsAlphaToken(tokens[j]) && IsAlphaToken(tokens[j + 1])) starts.push_back(j);
    }
    if (starts.empty()) return;
    size_t j = starts[std::uniform_int_distribution<size_t>(0, starts.size() - 1)(rng_)];
    Tokens joined = tokens;
    joined[j] += Lower(joined[j + 1]);
    joined.erase(joined.begin() + static_cast<long>(j) + 1);
    Add(e, schema, Join(joined), "join");
  }

  void AddRewrite(const Entity& e, const std::string& schema, const Tokens& tokens,
                  const std::map<std::string, std::string>& table, const std::string& kind) {
    Tokens out = tokens;
    bool changed = false;
    for (auto& t : out) {
      std::string r = Rewrite(t, table);
      changed |= r != t;
      t = r;
    }
    if (changed) Add(e, schema, Join(out), kind);
  }

  std::mt19937 rng_;
  std::vector<std::string> kinds_;
};

}  // namespace

const std::vector<std::string>& DeckKinds() {
  static const std::vector<std::string> kinds = {"exact",       "typo",    "typo_all", "swap",
                                                 "drop_middle", "initial", "join",     "hyphen",
                                                 "korean",      "arabic",  "cyrillic"};
  return kinds;
}

std::vector<DeckRow> MakeVariantDeck(const ListSet& lists, const DeckOptions& options) {
  DeckBuilder builder(options);
  for (const Entity& e : lists.entities) builder.AddEntity(e);
  return std::move(builder.rows);
}

}  // namespace embargo::eval
