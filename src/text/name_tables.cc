#include "text/name_tables.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/org_names.h"
#include "text/phonetic.h"
#include "text/script_words.h"

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
    // Particles of a nasab and the article, as the Maghreb's French
    // convention writes them (BEN, EL) and as Arabic script reads (bin, al;
    // aal, the family of: آل سعود, AL SAUD).
    {"bin", "ben", "ibn", "bn"},
    {"al", "el", "ul", "aal"},
    {"jamal", "gamal", "djamal", "jamaal"},
    {"uddin", "eddin", "eddine", "aldin", "uldin", "addin", "udin", "edin"},
    {"osman", "usman", "uthman", "othman", "osmane"},
    {"khalid", "khaled", "halid"},
    {"said", "saeed", "saied", "sa'id", "saiid"},
    {"ali", "aly", "alee"},
    {"mahmud", "mahmoud", "mahmood", "makhmud"},
    // Cyrillic given names (BGN/PCGN, ICAO, French/German, Ukrainian forms).
    {"aleksandr", "alexander", "alexandr", "oleksandr", "aleksander", "alexandre", "aleksandar",
     "olexandr", "alexandru", "aliaksandr", "alyaksandr"},
    {"yuriy", "yuri", "yury", "iurii", "jurij", "iouri", "yurii", "yurij", "juri", "yuriii"},
    {"sergey", "sergei", "serhiy", "serguei", "sergiy", "serhii", "sergej", "serghei", "siarhei",
     "sergii"},
    {"evgeniy", "evgeny", "yevgeny", "yevgeniy", "evgenii", "jewgeni", "yevhen", "evgenij",
     "yevgeni", "evgeni", "yauhen", "yauheni"},
    {"dmitriy", "dmitry", "dmitri", "dmytro", "dmitrii", "dimitri", "dmitrij", "dzmitry",
     "dzmitryi", "dzmitri"},
    {"andrey", "andrei", "andriy", "andrii", "andrej"},
    {"aleksey", "alexey", "aleksei", "alexei", "oleksiy", "oleksii", "aleksej", "alexej",
     "aliaksei", "alyaksei"},
    {"mikhail", "mykhailo", "mykhaylo", "mikhael", "michail", "mihail"},
    {"nikolay", "nikolai", "mykola", "nicolai", "nikolaj", "mikalai", "mikalay"},
    {"vladimir", "volodymyr", "wladimir", "vladymyr", "uladzimir"},
    {"igor", "ihor"},
    {"pavel", "pavlo", "paval"},
    {"gleb", "hlib", "hleb"},
    {"oleg", "oleh", "aleh"},
    {"anatoliy", "anatoly", "anatolii", "anatoli", "anatol"},
    {"vitaliy", "vitaly", "vitalii", "vitali"},
    {"valeriy", "valery", "valerii", "valeri"},
    {"gennadiy", "gennady", "gennadii", "gennadi", "hennadiy", "hennadii", "henadz"},
    {"vasiliy", "vasily", "vasilii", "vasili", "vasyl", "vasil"},
    {"pyotr", "petr", "petro", "piotr", "pyatro"},
    {"fyodor", "fedor", "fedir", "fiodor", "fiodar"},
    {"arkadiy", "arkady", "arkadii", "arkadi"},
    {"leonid", "leanid"},
    {"kostiantyn", "konstantin", "kostyantyn", "kanstantsin"},
    {"grigoriy", "grigory", "hryhoriy", "grigori", "hryhorii"},
    {"olga", "olha"},
    {"yelena", "elena", "olena", "jelena"},
    {"natalya", "natalia", "nataliya", "natalja"},
    {"tatyana", "tatiana", "tetiana", "tatsiana", "tetyana"},
    {"svetlana", "svitlana", "sviatlana"},
    {"galina", "halyna", "halina"},
    {"lyudmila", "ludmila", "liudmyla", "liudmila"},
    {"georgiy", "georgy", "georgi", "georgii", "heorhiy", "heorhii", "heorhy", "georgij"},
    {"irina", "iryna"},
    {"ilya", "illia", "illya", "ilia", "ilja"},
    {"yakov", "yakiv", "jakov", "iakov"},
    {"iosif", "yosyf", "josif", "osip"},
    {"maksim", "maxim", "maksym"},
    {"bogdan", "bohdan"},
    {"vadim", "vadym"},
    {"vyacheslav", "viacheslav", "vyacheslaw", "viachaslau"},
    {"kirill", "kyrylo", "kiril", "kirilo"},
    {"semyon", "semen", "semion"},
    {"rostislav", "rostyslav"},
    {"denis", "denys"},
    {"artem", "artyom", "artiom"},
    {"vladislav", "vladyslav", "uladzislau"},
    {"svyatoslav", "sviatoslav"},
    {"nikita", "mykyta", "mikita"},
    {"danila", "danylo", "danil"},
    {"valentin", "valentyn"},
    {"yuliya", "yulia", "yuliia", "iuliia", "julia", "julija"},
    {"yekaterina", "ekaterina", "kateryna", "katsiaryna", "katerina"},
    {"anastasiya", "anastasia", "anastasiia"},
    {"viktoriya", "viktoria", "viktoriia"},
    {"larisa", "larysa"},
    {"nadezhda", "nadiya", "nadiia"},
    {"lyubov", "liubov", "lubov"},
    {"timofey", "tymofiy", "timofei"},
    // Saint as places, churches and the firms named after them write it
    // (BANK ST. PETERSBURG / BANK SANKT-PETERSBURG).
    {"saint", "st", "sankt", "sint", "sainte"},
    // Chinese (Pinyin / Wade-Giles).
    {"xu", "hsu"},
    {"cai", "tsai", "choi_cn"},
    {"zhang", "chang", "cheung"},
    {"xie", "hsieh"},
    {"chen", "chan", "tan_cn"},
    {"huang", "wong", "hwang"},
    // Chinese: pinyin, Wade-Giles and the common Xi/Shi confusion.
    {"xi", "hsi", "shi", "si", "shih"},
    {"zhou", "chou", "chow"},
    {"jiang", "chiang"},
    {"qian", "chien"},
    {"zheng", "cheng"},
    {"zhao", "chao"},
};

// Business words: the same form as kVariantGroups; also what tells a firm's
// or body's name from a person's (IsBusinessWord).
const std::initializer_list<std::initializer_list<std::string_view>> kBusinessGroups = {
    // Abbreviations OFAC uses in company and vessel-operator names
    // ("SHANGHAI DONGFENG SHPG CO LTD" is the UN's "... SHIPPING CO LTD").
    {"shipping", "shpg", "shipping", "shipg"},
    {"international", "intl", "internacional", "internationale", "internazionale", "interntl"},
    {"management", "mgmt", "mgt"},
    {"trading", "trdg", "trade", "trader", "traders", "tradings", "trad"},
    // Business words and their abbreviations and inflections, so KOREA
    // HYOKSIN TRADE CORP. and TANCHON COMMERCIAL BK read as the listed names.
    {"bank", "bk", "bnk", "banque", "banco", "banca", "bankasi", "banka"},
    {"national", "nacional", "nationale", "nazionale", "natl"},
    {"industrial", "industries", "industry", "inds", "industria", "industriel", "industrie"},
    {"commercial", "coml", "comercial", "commerciale", "commerce"},
    {"group", "grp", "groupe", "grupo", "gruppo"},
    {"holding", "holdings", "hldg", "hldgs"},
    {"development", "devt", "dvlpmt", "developments"},
    {"engineering", "engg", "engr"},
    {"technology", "technologies", "tech", "technologie", "tecnologia", "technical"},
    {"manufacturing", "mfg", "manufacture", "manufacturer", "manufacturers", "mfrs", "mfr"},
    {"investment", "investments", "invest", "investing", "inversiones"},
    {"enterprise", "enterprises", "entreprise", "empresa", "entpr"},
    {"services", "service", "svc", "svcs", "servicios", "servizi"},
    {"association", "assn", "assoc", "associates", "associated"},
    {"brothers", "bros", "brother"},
    {"importers", "import", "imports", "importer", "imp"},
    {"exporters", "export", "exports", "exporter", "exp"},
    {"electronics", "electronic", "elec", "electronica"},
    {"chemical", "chemicals", "chem", "chemie", "quimica"},
    {"petroleum", "petro", "petrol"},
    {"equipment", "equip", "eqpt"},
    {"machinery", "mach", "machines", "machine"},
    {"airlines", "airline", "airways", "air"},
    {"products", "product", "prods"},
    {"systems", "system"},
    {"resources", "resource"},
    {"center", "centre", "ctr", "centro"},
    {"mining", "mines", "mine", "minerals", "mineral"},
    {"insurance", "insur", "assurance", "seguros"},
    {"department", "dept"},
    {"university", "univ", "universidad", "universite", "universitet"},
    {"institute", "inst", "institut", "instituto", "istituto"},
    {"laboratory", "laboratories", "lab", "labs", "laboratorio"},
    {"foundation", "fdn", "fundacion", "fondation", "stiftung"},
    {"general", "genl"},
    {"marine", "maritime", "marina"},
    {"transport", "transportation", "trans", "transporte"},
    {"construction", "constr", "constructions", "construcciones"},
    {"logistics", "logistic", "logistica"},
    {"petrochemical", "petrochemicals", "petrochem"},
    {"pharmaceutical", "pharmaceuticals", "pharma", "pharm"},
    {"steel", "steels"},
    {"communications", "communication", "comm", "comms", "telecom", "telecommunications"},
};

// Calls fn(group) for every variant group, business words included.
template <typename Fn>
void ForEachGroup(Fn fn) {
  for (const auto& group : kVariantGroups) fn(group);
  for (const auto& group : kBusinessGroups) fn(group);
}

// Titles, honorifics and offices in several languages (romanised).
const std::initializer_list<std::string_view> kTitles = {
    "dr",           "doctor",     "haji",       "hajji",      "haj",
    "hajj",         "hadji",      "alhaji",     "mullah",     "mulla",
    "mullo",        "mawlawi",    "maulavi",    "maulvi",     "mawlavi",
    "moulavi",      "mawlana",    "maulana",    "shaykh",     "sheikh",
    "shaikh",       "sheik",      "shaik",      "sheikha",    "shaikha",
    "sayyid",       "seyed",      "seyyed",     "sayyed",     "mr",
    "mrs",          "ms",         "miss",       "mister",     "sir",
    "dame",         "lord",       "lady",       "general",    "gen",
    "colonel",      "col",        "major",      "maj",        "captain",
    "capt",         "lieutenant", "lt",         "brigadier",  "admiral",
    "prof",         "professor",  "eng",        "engineer",   "hojjatoleslam",
    "hojatoleslam", "ayatollah",  "qari",       "mufti",      "imam",
    "commander",    "cmdr",       "sgt",        "sergeant",   "marshal",
    "vice",         "rear",       "ustad",      "ustadh",     "ustaz",
    "akhund",       "president",  "prasident",  "presidente", "prezident",
    "chairman",     "premier",    "minister",   "senator",    "governor",
    "comrade",      "tovarishch", "monsieur",   "madame",     "mme",
    "mlle",         "herr",       "frau",       "senor",      "senora",
    "sra",          "hon",        "honourable", "honorable",  "excellency",
    "rev",          "reverend",   "rabbi",      "jr",         "junior",
    "snr",          "senior",     "prince",     "princess",   "king",
    "queen"};

// Titles that never start the name of a firm or body ("Mr", "Sheikh"), as
// opposed to rank and office words ("General Electric", "Major Oil").
const std::initializer_list<std::string_view> kHonorifics = {
    "dr",        "haji",     "hajji",   "haj",     "hajj",          "hadji",
    "alhaji",    "mullah",   "mulla",   "mawlawi", "maulavi",       "maulvi",
    "mawlavi",   "maulana",  "mawlana", "shaykh",  "sheikh",        "shaikh",
    "sheik",     "sayyid",   "seyed",   "seyyed",  "sayyed",        "mr",
    "mrs",       "ms",       "miss",    "mister",  "hojjatoleslam", "hojatoleslam",
    "ayatollah", "monsieur", "madame",  "mme",     "mlle",          "herr",
    "frau"};

// Titles written in Hangul, Han or kana after or before a name, and their
// English words (김정은 위원장 -> "chairman").
constexpr ScriptWord kScriptTitles[] = {
    {"대통령", " president "}, {"위원장", " chairman "},  {"장군", " general "},
    {"동지", " comrade "},     {"선생님", " mr "},        {"선생", " mr "},
    {"총리", " premier "},     {"주석", " chairman "},    {"원수", " marshal "},
    {"박사", " dr "},          {"大統領", " president "}, {"大统领", " president "},
    {"总统", " president "},   {"總統", " president "},   {"主席", " chairman "},
    {"先生", " mr "},          {"さん", " mr "},          {"様", " mr "},
    {"閣下", " excellency "},
};

const std::initializer_list<std::string_view> kConnectors = {
    "of",  "for", "the", "and", "de", "del", "la", "le",  "los", "las", "da", "dos", "das",
    "van", "der", "den", "von", "di", "du",  "et", "des", "at",  "to",  "in", "und", "fur"};

const std::initializer_list<std::string_view> kParticles = {
    "al", "el", "aal", "bin", "ibn", "ben", "bn", "abn", "bint", "binti", "ould", "ul"};

std::unordered_map<std::string, std::string> BuildGroups() {
  std::unordered_map<std::string, std::string> map;
  ForEachGroup([&](const auto& group) {
    std::string canonical(*group.begin());
    for (std::string_view member : group) map.emplace(std::string(member), canonical);
  });
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
    ForEachGroup([&](const auto& group) {
      std::string canonical(*group.begin());
      for (std::string_view member : group) map->emplace(Fold(member), canonical);
    });
    return map;
  }();
  auto it = groups->find(std::string(folded));
  return it == groups->end() ? std::string_view() : std::string_view(it->second);
}

const std::vector<std::string>& VariantGroupFolds(std::string_view canonical) {
  static const auto* folds = [] {
    auto* map = new std::unordered_map<std::string, std::vector<std::string>>();
    for (const auto& group : kVariantGroups) {
      auto& list = (*map)[std::string(*group.begin())];
      for (std::string_view member : group) {
        std::string f = Fold(member);
        if (std::find(list.begin(), list.end(), f) == list.end()) list.push_back(std::move(f));
      }
    }
    return map;
  }();
  static const std::vector<std::string> kNone;
  auto it = folds->find(std::string(canonical));
  return it == folds->end() ? kNone : it->second;
}

bool IsLegalForm(std::string_view token) { return IsLegalFormWord(token); }

bool IsBusinessWord(std::string_view token) {
  static const auto* words = [] {
    auto* set = new std::unordered_set<std::string>();
    for (const auto& group : kBusinessGroups)
      for (std::string_view member : group) set->emplace(member);
    return set;
  }();
  return Contains(*words, token);
}

bool IsBodyWord(std::string_view token) {
  static const auto* set = new std::unordered_set<std::string>(
      BuildSet({"department", "dept", "bureau", "committee", "ministry", "office", "directorate",
                "division", "administration", "commission", "council", "agency", "secretariat"}));
  return Contains(*set, token);
}

bool IsPersonOnlyTitle(std::string_view token) {
  static const auto* set = new std::unordered_set<std::string>(BuildSet(kHonorifics));
  return IsTitle(token) && !Contains(*set, token);
}

std::string TranslateTitles(std::string_view utf8) {
  static const auto* table = new ScriptWordTable(kScriptTitles);
  return table->Replace(utf8);
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

bool IsNasabLink(std::string_view token) {
  return token == "bin" || token == "ibn" || token == "ben" || token == "bint" ||
         token == "binti" || token == "ould";
}

bool IsLegalFormAbbreviation(std::string_view joined_letters) {
  return joined_letters.size() >= 2 && IsLegalForm(joined_letters);
}

}  // namespace embargo::text
