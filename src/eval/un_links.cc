#include "eval/un_links.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "common/strings.h"
#include "sources/free_text.h"

namespace embargo::eval {
namespace {

constexpr std::string_view kUn = "un_sc_sanctions";
constexpr std::string_view kDfat = "au_dfat_sanctions";
constexpr double kMinScore = 1.5;
constexpr double kMinLead = 1.0;

// The UN reference prefix of a UN sanctions committee named in DFAT's
// "Committees" column ("1718 (DPRK)" -> "KP"); "" for autonomous listings.
std::string UnPrefixOfCommittee(std::string_view committee) {
  static const std::map<std::string, std::string, std::less<>> kPrefixes = {
      {"1267", "QD"}, {"1518", "IQ"}, {"1533", "CD"}, {"1591", "SD"}, {"1718", "KP"},
      {"1970", "LY"}, {"1988", "TA"}, {"2127", "CF"}, {"2140", "YE"}, {"2206", "SS"},
      {"2653", "HT"}, {"751", "SO"},  {"2713", "SO"}};
  size_t digits = 0;
  while (digits < committee.size() && std::isdigit(static_cast<unsigned char>(committee[digits])))
    ++digits;
  auto it = kPrefixes.find(committee.substr(0, digits));
  return it == kPrefixes.end() ? "" : it->second;
}

// Hashes of the word trigrams, sorted and unique.
using Trigrams = std::vector<size_t>;

Trigrams WordTrigrams(const std::vector<std::string>& texts) {
  Trigrams out;
  for (const std::string& text : texts) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      } else if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
    }
    for (size_t i = 0; i + 2 < words.size(); ++i)
      out.push_back(std::hash<std::string>{}(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(const Trigrams& a, const Trigrams& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

std::set<int> BirthYears(const Entity& e) {
  std::set<int> out;
  for (const DateSpec& d : e.birth_dates)
    for (int y = d.from.year; y > 0 && y <= std::max(d.from.year, d.to.year); ++y) out.insert(y);
  return out;
}

std::set<std::string> Documents(const Entity& e) {
  std::set<std::string> out;
  for (const Identifier& id : e.identifiers) {
    std::string value;
    for (char c : id.value)
      if (std::isalnum(static_cast<unsigned char>(c)))
        value.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (value.size() >= 5) out.insert(value);
  }
  return out;
}

template <typename T>
bool Intersects(const std::set<T>& a, const std::set<T>& b) {
  return std::any_of(a.begin(), a.end(), [&](const T& x) { return b.count(x) > 0; });
}

struct UnRecord {
  const Entity* entity;
  Trigrams narrative;
  std::set<int> years;
  std::set<std::string> documents;
};

double EvidenceScore(const UnRecord& national, const UnRecord& un) {
  double score = 4 * Jaccard(national.narrative, un.narrative);
  const std::string& listed = national.entity->listed_on;
  if (!listed.empty() && listed == un.entity->listed_on) score += 1;
  if (Intersects(national.years, un.years)) score += 1;
  if (Intersects(national.documents, un.documents)) score += 2;
  return score;
}

UnRecord Evidence(const Entity& e) {
  return {&e, WordTrigrams(e.remarks), BirthYears(e), Documents(e)};
}

const Entity* ByListingEvidence(const Entity& national, const std::vector<UnRecord>& un) {
  std::string prefix;
  for (const std::string& program : national.programs) {
    prefix = UnPrefixOfCommittee(program);
    if (!prefix.empty()) break;
  }
  if (prefix.empty()) return nullptr;
  bool person = national.schema == Schema::kPerson;
  UnRecord evidence = Evidence(national);
  double best = 0, second = 0;
  const Entity* best_entity = nullptr;
  for (const UnRecord& record : un) {
    if (!record.entity->source_id.starts_with(prefix)) continue;
    if ((record.entity->schema == Schema::kPerson) != person) continue;
    double score = EvidenceScore(evidence, record);
    if (score > best) {
      second = best;
      best = score;
      best_entity = record.entity;
    } else {
      second = std::max(second, score);
    }
  }
  return best >= kMinScore && best - second >= kMinLead ? best_entity : nullptr;
}

}  // namespace

std::vector<UnLink> LinkToUnDesignations(const ListSet& lists) {
  std::unordered_map<std::string, const Entity*> by_reference;
  std::vector<UnRecord> un;
  for (const Entity& e : lists.entities) {
    if (e.dataset != kUn) continue;
    by_reference[e.source_id] = &e;
    un.push_back(Evidence(e));
  }
  std::vector<UnLink> links;
  if (un.empty()) return links;
  for (const Entity& e : lists.entities) {
    if (e.dataset == kUn) continue;
    const Entity* target = nullptr;
    for (const Identifier& id : e.identifiers) {
      if (id.label != kUnReferenceLabel) continue;
      // free_text spells references as the UN list does ("KPI.067" -> "KPi.067").
      auto it = by_reference.find(id.value);
      // OFSI cites the reference of an associated group on some people
      // ("UN Ref QDe.004", Al-Qaida itself): a person is never a group.
      bool same_kind = it != by_reference.end() &&
                       (it->second->schema == Schema::kPerson) == (e.schema == Schema::kPerson);
      if (same_kind && target == nullptr) target = it->second;
    }
    if (target != nullptr) {
      links.push_back({&e, target, "un_reference"});
    } else if (e.dataset == kDfat) {
      if (const Entity* found = ByListingEvidence(e, un))
        links.push_back({&e, found, "listing_evidence"});
    }
  }
  return links;
}

}  // namespace embargo::eval
