#include "text/name_tables.h"

#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/phonetic.h"

namespace embargo::text {
namespace {

// Each line: the canonical form first, then its spellings.
const std::initializer_list<std::initializer_list<std::string_view>> kVariantGroups = {
    // Korean surnames: initial-ㄹ class and unstable spellings (DOMAIN 5.1).
    {"ri", "lee", "rhee", "yi", "i", "rie", "ree", "li", "lie", "yee"},
    {"ryu", "yoo", "yu", "ryoo", "you", "you"},
    {"rim", "lim", "im", "leem"},
    {"ro", "roh", "noh", "no"},
    {"ryang", "yang"},
    {"pak", "park", "bak", "bahk", "pack", "bark"},
    {"choe", "choi", "choy", "chwe", "choei", "chey"},
    {"chong", "jong", "jeong", "jung", "chung", "cheong", "joung"},
    {"ko", "go", "koh", "goh"},
    {"so", "seo", "suh", "sur"},
    {"om", "eom", "um", "uhm"},
    {"chon", "jon", "jeon", "chun", "jun", "cheon"},
    {"u", "woo", "wu", "oo"},
    {"sin", "shin", "shinn"},
    {"kang", "gang"},
    {"kwon", "kweon", "gwon"},
    // Arabic / Persian (DOMAIN 5.2).
    {"muhammad", "mohammed",  "mohamed",   "mohammad", "muhammed", "mohamad",  "muhamad",
     "mohamud",  "mahomed",   "mohd",      "mhd",      "mhmd",     "muhamed",  "mouhamed",
     "mohamet",  "mukhammad", "mukhammed", "magomed",  "mehmet",   "mohammadi"},
    {"ahmad", "ahmed", "ahmet", "akhmad", "akhmed"},
    {"abdul", "abdel", "abd", "abdal", "abdoul", "abdol", "abdil", "abdelle"},
    {"qadhafi", "gaddafi", "qaddafi", "gadhafi", "kadafi", "kaddafi", "khadafi", "qadafi", "gadafi",
     "kadhafi", "khaddafi", "gathafi", "kazzafi", "qathafi", "qadhdhafi", "ghaddafi"},
    {"husayn", "hussein", "husain", "hussain", "hosein", "hossein", "husein", "houssein",
     "hosseini", "husseini", "hussaini", "husaini", "hossain", "hosain"},
    {"yusuf", "yousef", "youssef", "yusef", "yousuf", "yosef", "yussuf", "youcef", "yousif",
     "yusif"},
    {"abu", "abou", "abo"},
    {"jamal", "gamal", "djamal", "jamaal"},
    {"uddin", "eddin", "eddine", "aldin", "uldin", "addin", "udin", "edin"},
    {"osman", "usman", "uthman", "othman", "osmane"},
    {"khalid", "khaled", "halid"},
    {"said", "saeed", "saied", "sa'id", "saiid"},
    {"ali", "aly", "alee"},
    {"mahmud", "mahmoud", "mahmood", "makhmud"},
    // Cyrillic given names (BGN/PCGN, ICAO, French/German, Ukrainian forms).
    {"aleksandr", "alexander", "alexandr", "oleksandr", "aleksander", "alexandre", "aleksandar",
     "olexandr", "alexandru"},
    {"yuriy", "yuri", "yury", "iurii", "jurij", "iouri", "yurii", "yurij", "juri", "yuriii"},
    {"sergey", "sergei", "serhiy", "serguei", "sergiy", "serhii", "sergej", "serghei"},
    {"evgeniy", "evgeny", "yevgeny", "yevgeniy", "evgenii", "jewgeni", "yevhen", "evgenij",
     "yevgeni", "evgeni"},
    {"dmitriy", "dmitry", "dmitri", "dmytro", "dmitrii", "dimitri", "dmitrij"},
    {"andrey", "andrei", "andriy", "andrii", "andrej"},
    {"aleksey", "alexey", "aleksei", "alexei", "oleksiy", "oleksii", "aleksej", "alexej"},
    {"mikhail", "mykhailo", "mikhael", "michail", "mihail"},
    {"nikolay", "nikolai", "mykola", "nicolai", "nikolaj"},
    {"vladimir", "volodymyr", "wladimir", "vladymyr"},
    {"igor", "ihor"},
    {"pavel", "pavlo"},
    {"grigoriy", "grigory", "hryhoriy", "grigori", "hryhorii"},
    {"olga", "olha"},
    {"yelena", "elena", "olena", "jelena"},
    {"natalya", "natalia", "nataliya", "natalja"},
    // Chinese (Pinyin / Wade-Giles).
    {"xu", "hsu"},
    {"cai", "tsai", "choi_cn"},
    {"zhang", "chang", "cheung"},
    {"xie", "hsieh"},
    {"zhou", "chou", "chow"},
    {"chen", "chan", "tan_cn"},
    {"huang", "wong", "hwang"},
    // Abbreviations OFAC uses in company and vessel-operator names
    // ("SHANGHAI DONGFENG SHPG CO LTD" is the UN's "... SHIPPING CO LTD").
    {"shipping", "shpg"},
    {"international", "intl"},
    {"management", "mgmt"},
    {"trading", "trdg"},
};

const std::initializer_list<std::string_view> kLegalForms = {"co",
                                                             "company",
                                                             "companies",
                                                             "corp",
                                                             "corporation",
                                                             "inc",
                                                             "incorporated",
                                                             "ltd",
                                                             "limited",
                                                             "llc",
                                                             "plc",
                                                             "jsc",
                                                             "ojsc",
                                                             "cjsc",
                                                             "pjsc",
                                                             "ooo",
                                                             "oao",
                                                             "zao",
                                                             "pao",
                                                             "ao",
                                                             "tov",
                                                             "pat",
                                                             "gmbh",
                                                             "ag",
                                                             "sa",
                                                             "sas",
                                                             "sarl",
                                                             "srl",
                                                             "spa",
                                                             "bv",
                                                             "nv",
                                                             "ab",
                                                             "oy",
                                                             "kg",
                                                             "lp",
                                                             "llp",
                                                             "pte",
                                                             "pvt",
                                                             "bhd",
                                                             "sdn",
                                                             "fze",
                                                             "fzco",
                                                             "fzc",
                                                             "fz",
                                                             "fzllc",
                                                             "dmcc",
                                                             "sl",
                                                             "sae",
                                                             "sal",
                                                             "wll",
                                                             "est",
                                                             "establishment",
                                                             "cv",
                                                             "sac",
                                                             "ltda",
                                                             "eirl",
                                                             "kft",
                                                             "zrt",
                                                             "sro",
                                                             "doo",
                                                             "dd",
                                                             "ad",
                                                             "ood",
                                                             "eood",
                                                             "as",
                                                             "asa",
                                                             "aps",
                                                             "kk",
                                                             "yk",
                                                             "pty",
                                                             "ulc",
                                                             "lc",
                                                             "pllc",
                                                             "gbr",
                                                             "ug",
                                                             "kgaa",
                                                             "ohg",
                                                             "se",
                                                             "scs",
                                                             "sca",
                                                             "snc",
                                                             "obshchestvo",
                                                             "ogranichennoy",
                                                             "otvetstvennostyu",
                                                             "aktsionernoye",
                                                             "zakrytoye",
                                                             "otkrytoye",
                                                             "publichnoye",
                                                             "tovarystvo",
                                                             "sherkat",
                                                             "shirkat",
                                                             "sherkate"};

const std::initializer_list<std::string_view> kTitles = {
    "dr",           "doctor",    "haji",    "hajji",     "haj",     "hajj",       "hadji",
    "alhaji",       "mullah",    "mulla",   "mullo",     "mawlawi", "maulavi",    "maulvi",
    "mawlavi",      "moulavi",   "mawlana", "maulana",   "shaykh",  "sheikh",     "shaikh",
    "sheik",        "shaik",     "sayyid",  "seyed",     "seyyed",  "sayyed",     "mr",
    "mrs",          "ms",        "miss",    "sir",       "general", "gen",        "colonel",
    "col",          "major",     "maj",     "captain",   "capt",    "lieutenant", "lt",
    "brigadier",    "admiral",   "prof",    "professor", "eng",     "engineer",   "hojjatoleslam",
    "hojatoleslam", "ayatollah", "qari",    "mufti",     "imam",    "commander",  "cmdr",
    "sgt",          "sergeant",  "marshal", "vice",      "rear",    "ustad",      "ustadh"};

const std::initializer_list<std::string_view> kConnectors = {
    "of",  "for", "the", "and", "de", "del", "la", "le",  "los", "las", "da", "dos", "das",
    "van", "der", "den", "von", "di", "du",  "et", "des", "at",  "to",  "in", "und", "fur"};

const std::initializer_list<std::string_view> kParticles = {"al",   "el",    "bin",  "ibn", "ben",
                                                            "bint", "binti", "ould", "ul"};

std::unordered_map<std::string, std::string> BuildGroups() {
  std::unordered_map<std::string, std::string> map;
  for (const auto& group : kVariantGroups) {
    std::string canonical(*group.begin());
    for (std::string_view member : group) map.emplace(std::string(member), canonical);
  }
  return map;
}

std::unordered_set<std::string> BuildSet(std::initializer_list<std::string_view> words) {
  std::unordered_set<std::string> set;
  for (std::string_view w : words) set.emplace(w);
  return set;
}

bool Contains(const std::unordered_set<std::string>& set, std::string_view token) {
  return set.find(std::string(token)) != set.end();
}

}  // namespace

std::string_view VariantGroup(std::string_view token) {
  static const auto* groups = new std::unordered_map<std::string, std::string>(BuildGroups());
  auto it = groups->find(std::string(token));
  return it == groups->end() ? std::string_view() : std::string_view(it->second);
}

std::string_view VariantGroupOfFold(std::string_view folded) {
  static const auto* groups = [] {
    auto* map = new std::unordered_map<std::string, std::string>();
    for (const auto& group : kVariantGroups) {
      std::string canonical(*group.begin());
      for (std::string_view member : group) map->emplace(Fold(member), canonical);
    }
    return map;
  }();
  auto it = groups->find(std::string(folded));
  return it == groups->end() ? std::string_view() : std::string_view(it->second);
}

bool IsLegalForm(std::string_view token) {
  static const auto* set = new std::unordered_set<std::string>(BuildSet(kLegalForms));
  return Contains(*set, token);
}

bool IsTitle(std::string_view token) {
  static const auto* set = new std::unordered_set<std::string>(BuildSet(kTitles));
  return Contains(*set, token);
}

bool IsConnector(std::string_view token) {
  static const auto* set = new std::unordered_set<std::string>(BuildSet(kConnectors));
  return Contains(*set, token);
}

bool IsParticle(std::string_view token) {
  static const auto* set = new std::unordered_set<std::string>(BuildSet(kParticles));
  return Contains(*set, token);
}

bool IsLegalFormAbbreviation(std::string_view joined_letters) {
  return joined_letters.size() >= 2 && IsLegalForm(joined_letters);
}

}  // namespace embargo::text
