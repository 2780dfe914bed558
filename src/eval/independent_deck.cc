#include "eval/independent_deck.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "eval/un_links.h"
#include "eval/variant_class.h"
#include "xref/identifier_links.h"

namespace embargo::eval {
namespace {

constexpr std::string_view kUn = "un_sc_sanctions";

// Short list names used in source labels.
std::string ShortName(std::string_view dataset) {
  static const std::map<std::string, std::string, std::less<>> kShort = {
      {"un_sc_sanctions", "un"},
      {"gb_hmt_sanctions", "uk"},
      {"au_dfat_sanctions", "au"},
      {"us_ofac_sdn", "ofac"}};
  auto it = kShort.find(dataset);
  return it == kShort.end() ? std::string(dataset) : it->second;
}

bool IsQueryName(const Name& name) { return name.kind != NameKind::kWeakAlias; }

std::vector<std::string> ListedNames(const Entity& entity) {
  std::vector<std::string> out;
  for (const Name& name : entity.names)
    if (IsQueryName(name)) out.push_back(name.value);
  return out;
}

class DeckBuilder {
 public:
  explicit DeckBuilder(std::vector<PairRow>& rows) : rows_(rows) {}

  // One row per query name of `from` that must find `to`.
  void AddPairs(const Entity& from, const Entity& to, const std::string& source,
                const std::string& link) {
    std::vector<std::string> targets = ListedNames(to);
    if (targets.empty()) return;
    for (const Name& name : from.names) {
      if (!IsQueryName(name)) continue;
      AddRow(from, name.value, to, targets, source, link);
    }
  }

  void AddRow(const Entity& from, const std::string& query, const Entity& to,
              const std::vector<std::string>& targets, const std::string& source,
              const std::string& link) {
    if (!seen_.insert(source + '\x1f' + query + '\x1f' + to.id).second) return;
    PairRow row;
    row.id = fmt::format("{}-{:06}", source, ++counts_[source]);
    row.name = query;
    row.schema = std::string(SchemaName(from.schema));
    if (!from.birth_dates.empty() && from.birth_dates[0].from == from.birth_dates[0].to)
      row.birth_date = from.birth_dates[0].from.ToString();
    if (!from.nationalities.empty()) row.nationality = from.nationalities[0];
    row.expected_id = to.id;
    row.expected_dataset = to.dataset;
    row.expected_name = targets[ClosestName(query, targets)];
    row.variant_class = ClassifyVariant(query, row.expected_name);
    row.source = source;
    row.link = link;
    row.query_entity = from.id;
    rows_.push_back(std::move(row));
  }

 private:
  std::vector<PairRow>& rows_;
  std::set<std::string> seen_;
  std::map<std::string, int> counts_;
};

void AddUnLinks(const ListSet& lists, DeckBuilder& builder) {
  for (const UnLink& link : LinkToUnDesignations(lists)) {
    std::string national = ShortName(link.national->dataset);
    builder.AddPairs(*link.national, *link.un, national + ">un", link.how);
    builder.AddPairs(*link.un, *link.national, "un>" + national, link.how);
  }
}

void AddOfacLinks(const ListSet& lists, DeckBuilder& builder) {
  for (const xref::Link& link : xref::FindIdentifierLinks(lists).links) {
    const Entity* a = &lists.entities[link.a];
    const Entity* b = &lists.entities[link.b];
    if (b->dataset == kUn) std::swap(a, b);
    if (a->dataset != kUn || b->dataset != "us_ofac_sdn") continue;
    std::string kind = link.evidence.empty() ? "identifier" : link.evidence[0];
    kind = kind.substr(0, kind.find(' '));
    builder.AddPairs(*b, *a, "ofac>un", kind);
    builder.AddPairs(*a, *b, "un>ofac", kind);
  }
}

// Holds out the first strong alias of each UN, UK and AU record that has
// another strong name, and adds it as a query for its own record.
void AddHeldOutAliases(IndependentDeck& deck, DeckBuilder& builder) {
  for (Entity& entity : deck.held_out_lists.entities) {
    std::string source = ShortName(entity.dataset);
    if (source != "un" && source != "uk" && source != "au") continue;
    auto alias = std::find_if(entity.names.begin(), entity.names.end(),
                              [](const Name& n) { return n.kind == NameKind::kAlias; });
    if (alias == entity.names.end() || ListedNames(entity).size() < 2) continue;
    Name held_out = *alias;
    entity.names.erase(alias);
    builder.AddRow(entity, held_out.value, entity, ListedNames(entity), "alias",
                   "own_alias_" + source);
  }
}

}  // namespace

const std::vector<std::string>& PairSources() {
  static const std::vector<std::string> kSources = {"uk>un",   "un>uk",   "au>un", "un>au",
                                                    "ofac>un", "un>ofac", "alias"};
  return kSources;
}

IndependentDeck MakeIndependentDeck(const ListSet& lists) {
  IndependentDeck deck;
  DeckBuilder builder(deck.rows);
  AddUnLinks(lists, builder);
  AddOfacLinks(lists, builder);
  deck.held_out_lists = lists;
  AddHeldOutAliases(deck, builder);
  return deck;
}

}  // namespace embargo::eval
