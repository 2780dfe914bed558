#include "text/given_names.h"

#include <initializer_list>
#include <string>
#include <unordered_map>

#include "text/name_tables.h"
#include "text/phonetic.h"

namespace embargo::text {
namespace {

// Each line: a formal given name, then its short forms.
const std::initializer_list<std::initializer_list<std::string_view>> kHypocorisms = {
    // English
    {"theodore", "ted", "teddy", "theo"},
    {"edward", "ed", "eddie", "eddy", "ted", "teddy", "ned"},
    {"edmund", "ed", "eddie", "ned"},
    {"edwin", "ed", "eddie"},
    {"william", "bill", "billy", "will", "willy", "willie", "liam"},
    {"robert", "bob", "bobby", "rob", "robbie", "bert"},
    {"richard", "dick", "rick", "ricky", "rich", "richie"},
    {"james", "jim", "jimmy", "jamie"},
    {"michael", "mike", "mick", "mickey", "mikey"},
    {"thomas", "tom", "tommy"},
    {"anthony", "tony"},
    {"joseph", "joe", "joey"},
    {"john", "jack", "johnny", "jon"},
    {"charles", "chuck", "charlie"},
    {"henry", "hank", "harry"},
    {"harold", "harry", "hal"},
    {"lawrence", "larry"},
    {"gerald", "jerry", "gerry"},
    {"benjamin", "ben", "benny"},
    {"alexander", "alex", "sandy", "sasha"},
    {"alexandra", "alex", "sandra", "sasha"},
    {"elizabeth", "liz", "beth", "betty", "lizzie", "eliza", "liza"},
    {"katherine", "kate", "katie", "kathy", "cathy", "kat"},
    {"catherine", "kate", "katie", "cathy"},
    {"margaret", "maggie", "meg", "peggy", "marge"},
    {"susan", "sue", "susie"},
    {"jennifer", "jenny", "jen"},
    {"patricia", "pat", "patty", "trish"},
    {"patrick", "pat", "paddy"},
    {"daniel", "dan", "danny"},
    {"david", "dave", "davy"},
    {"stephen", "steve"},
    {"steven", "steve"},
    {"matthew", "matt"},
    {"nicholas", "nick", "nicky"},
    {"nicolas", "nick", "nico"},
    {"andrew", "andy", "drew"},
    {"gregory", "greg"},
    {"frederick", "fred", "freddie"},
    {"alfred", "alf", "fred", "al"},
    {"albert", "al", "bert"},
    {"ronald", "ron", "ronnie"},
    {"donald", "don", "donny"},
    {"kenneth", "ken", "kenny"},
    {"timothy", "tim"},
    {"samuel", "sam", "sammy"},
    {"abraham", "abe"},
    {"christopher", "chris"},
    {"jonathan", "jon"},
    {"douglas", "doug"},
    {"raymond", "ray"},
    {"walter", "walt"},
    {"leonard", "leo", "len"},
    {"victoria", "vicky"},
    {"rebecca", "becky"},
    {"deborah", "debbie", "deb"},
    // Russian and Ukrainian (group spellings as in name_tables: aleksandr ...)
    {"aleksandr", "sasha", "sanya", "shura"},
    {"nikolay", "kolya"},
    {"vladimir", "volodya", "vova"},
    {"dmitriy", "dima"},
    {"mikhail", "misha"},
    {"pavel", "pasha"},
    {"sergey", "seryozha", "serezha"},
    {"evgeniy", "zhenya"},
    {"ivan", "vanya"},
    {"konstantin", "kostya"},
    {"aleksey", "lyosha", "alyosha"},
    {"yuriy", "yura"},
    {"anatoliy", "tolya"},
    {"vyacheslav", "slava"},
    {"viktor", "vitya"},
    {"grigoriy", "grisha"},
    {"boris", "borya"},
    {"yelena", "lena"},
    {"natalya", "natasha"},
    {"yekaterina", "katya"},
    {"mariya", "masha"},
    {"tatyana", "tanya"},
    {"svetlana", "sveta"},
    // Spanish, German, Italian
    {"jose", "pepe"},
    {"francisco", "paco", "pancho", "curro"},
    {"ignacio", "nacho"},
    {"guadalupe", "lupe"},
    {"jesus", "chucho", "chuy"},
    {"guillermo", "memo"},
    {"alberto", "beto"},
    {"roberto", "beto"},
    {"eduardo", "lalo"},
    {"enrique", "quique"},
    {"friedrich", "fritz"},
    {"johannes", "hans"},
    {"giuseppe", "beppe", "peppe"},
};

// Endings of patronymics: Russian, Ukrainian, Belarusian (-ovich, -ovna),
// Turkic (oglu, kyzy).
constexpr std::string_view kPatronymicEndings[] = {
    "ovich", "evich", "ovych", "evych", "avich", "ovitch", "evitch", "owitsch", "ewitsch", "ovitj",
    "evitj", "ovna",  "evna",  "ivna",  "auna",  "ichna",  "ogly",   "oglu",    "kyzy",    "qizi"};

// East Slavic patronymic endings, and whether each is a woman's: Russian
// (-ovich, -evich, -ievich), Ukrainian (-ovych, -iovych, -yovych, -ivna),
// Belarusian (-avich, -auna), and the Russian ones as other languages
// transliterate them: French -ovitch, German -owitsch, Swedish -ovitj,
// Czech -ovič (-ovic once its diacritic is dropped). A token may end in
// several (-iovych, -ovych): each is tried, longest first.
struct PatronymicEnding {
  std::string_view ending;
  bool female;
};
constexpr PatronymicEnding kSlavicPatronymics[] = {
    {"iyovych", false}, {"owitsch", false}, {"ewitsch", false}, {"iovych", false},
    {"yovych", false},  {"ievich", false},  {"yevich", false},  {"ovitch", false},
    {"evitch", false},  {"ovich", false},   {"evich", false},   {"ovych", false},
    {"evych", false},   {"avich", false},   {"ovitj", false},   {"evitj", false},
    {"ovic", false},    {"evic", false},    {"ievna", true},    {"yevna", true},
    {"yivna", true},    {"iivna", true},    {"ovna", true},     {"evna", true},
    {"ivna", true},     {"auna", true}};

// The variant group of the given name a patronymic's stem leaves: Nikola(y),
// Serge(y), Dmytr(o), Hryhor(iy), Pavl(o), Mikala(i); a stem ending in the
// soft sign's letter (Grigorj-evitj, Andrej-evitj) also without it.
std::string_view StemGroup(std::string_view stem) {
  for (int trim = 0; trim < 2; ++trim) {
    if (trim == 1) {
      const char last = stem.empty() ? '\0' : stem.back();
      if (stem.size() < 4 || (last != 'j' && last != 'y' && last != 'i')) break;
      stem.remove_suffix(1);
    }
    for (std::string_view tail : {"", "y", "i", "iy", "o", "a", "ai"}) {
      std::string name = std::string(stem) + std::string(tail);
      std::string_view group = VariantGroup(name);
      if (group.empty()) group = VariantGroupOfFold(Fold(name));
      if (!group.empty()) return group;
    }
  }
  return {};
}

}  // namespace

std::string PatronymicKey(std::string_view token) {
  if (token.size() < 7) return "";
  for (const PatronymicEnding& p : kSlavicPatronymics) {
    if (token.size() < p.ending.size() + 3 || !token.ends_with(p.ending)) continue;
    std::string_view group = StemGroup(token.substr(0, token.size() - p.ending.size()));
    if (!group.empty()) return "=" + std::string(group) + (p.female ? "~f" : "~m");
  }
  return "";
}

const std::vector<RelatedGivenName>& RelatedGivenNames(std::string_view name) {
  static const auto* related = [] {
    auto* map = new std::unordered_map<std::string, std::vector<RelatedGivenName>>();
    auto add = [&](std::string_view a, std::string_view b, bool b_formal) {
      auto& list = (*map)[std::string(a)];
      for (const RelatedGivenName& r : list) {
        if (r.name == b) return;
      }
      list.push_back({std::string(b), b_formal});
    };
    for (const auto& line : kHypocorisms) {
      std::string_view formal = *line.begin();
      for (std::string_view nick : line) {
        if (nick == formal) continue;
        add(formal, nick, false);
        add(nick, formal, true);
      }
    }
    return map;
  }();
  static const std::vector<RelatedGivenName> kNone;
  auto it = related->find(std::string(name));
  return it == related->end() ? kNone : it->second;
}

bool IsPatronymic(std::string_view token) {
  if (token.size() < 7) return false;
  for (std::string_view ending : kPatronymicEndings) {
    if (token.size() > ending.size() + 2 &&
        token.compare(token.size() - ending.size(), ending.size(), ending) == 0)
      return true;
  }
  return false;
}

}  // namespace embargo::text
