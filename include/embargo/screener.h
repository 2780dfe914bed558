// Screening names and parties against a loaded list set.
//
// A Screener is an immutable snapshot: built once from a ListSet (or loaded
// from a binary snapshot file), then shared as std::shared_ptr<const
// Screener> by any number of threads, which screen without locks. A reload
// builds a new Screener and swaps the pointer.
//
// Screen() returns candidates best first, each with a score in [0, 1] and an
// Explanation produced while scoring: the matched name pair, the token
// alignment and each feature's contribution. Scores are deterministic: the
// same query against the same snapshot always gives the same answer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"
#include "embargo/lists.h"
#include "embargo/status.h"

namespace embargo {

// The default alert threshold. Chosen from the threshold sweep of
// `embargo eval` over the variant deck and the development negatives: see
// docs/SCORING.md for the measurements behind it.
inline constexpr double kDefaultThreshold = 0.80;

struct Query {
  std::string id;
  std::vector<std::string> names;  // at least one
  std::optional<Schema> schema;    // unknown: anything (read as a party's name; a vessel too)
  std::vector<DateSpec> birth_dates;
  std::vector<std::string> countries;  // nationality / country, ISO alpha-2 lowercase
  // Those of `countries` read only from an ambiguous value ("Korea": kp and
  // kr): one of them met spares a mismatch penalty but earns no bonus.
  std::vector<std::string> ambiguous_countries;
  Gender gender = Gender::kUnknown;
  std::vector<std::string> id_numbers;  // passport, national id, BIC, registration...
  std::vector<std::string> imo_numbers;
  // How MakeQuery read the loose fields: each field it ignored or read more
  // than one way ("birth_date '03/04/1987' is ambiguous: read as 1987-03-04
  // or 1987-04-03"). Screening does not look at them.
  std::vector<std::string> warnings;
};

// How a numeric date is read when its order is not evident: with the year
// last and day and month both 12 or less ("03/04/1987"), or with a
// two-digit year ("03.04.05"). kUnknown keeps every reading of a four-digit
// year date and ignores an ambiguous two-digit one.
enum class DateOrder : uint8_t { kUnknown, kDayMonthYear, kMonthDayYear, kYearMonthDay };

// Loose text fields of one party, as files, the CLI and the API give them.
struct QueryFields {
  std::string id;
  std::vector<std::string> names;
  std::string schema;
  std::vector<std::string> birth_dates;
  std::vector<std::string> countries;
  std::string gender;
  std::vector<std::string> id_numbers;
  std::vector<std::string> imo_numbers;
  DateOrder date_order = DateOrder::kUnknown;
};

// The longest name MakeQuery screens, in bytes (the HTTP API's default
// limit): a longer one is a row's problem, not minutes of screening (the
// candidate stage grows with a token's length). A secondary field longer
// than kMaxQueryFieldBytes is ignored with a warning.
inline constexpr size_t kMaxQueryNameBytes = 1024;
inline constexpr size_t kMaxQueryFieldBytes = 256;

// Builds a Query from loose fields, leniently (src/input): birth dates in
// the common written forms ("1964-7-17", "17/07/1964", "17 July 1964",
// "1964년 7월 17일"), countries as names in many languages or codes,
// schema and gender synonyms ("Corporate", "개인", "M"). A field that is
// ambiguous keeps every reading, one that is still unreadable is ignored;
// either adds a Query::warnings entry. Fails only when no name is usable
// (all blank, not valid UTF-8, or without a letter or digit) and no
// identifier is given either: an IMO number alone screens a vessel (the
// schema is then Vessel unless given), an id number alone any party.
Result<Query> MakeQuery(const QueryFields& fields);

struct TokenAlignment {
  std::string query;      // query token(s), space-joined when merged
  std::string candidate;  // candidate token(s)
  double similarity = 0;
  std::string kind;  // exact, variant, fuzzy, initial
};

struct FeatureContribution {
  std::string feature;  // name_match, birth_date, nationality, gender, identifier, weak_alias, ...
  double value = 0;     // added to the score (negative = penalty); name_match is the base
  std::string detail;
};

struct Explanation {
  std::string query_name;
  std::string matched_name;
  NameKind matched_kind = NameKind::kPrimary;
  double name_score = 0;
  std::vector<TokenAlignment> alignment;
  std::vector<std::string> unmatched_query;
  std::vector<std::string> unmatched_candidate;
  std::vector<FeatureContribution> features;
};

struct Match {
  const Entity* entity = nullptr;  // owned by the Screener
  double score = 0;
  bool match = false;  // score >= threshold
  Explanation explanation;
};

struct ScreenOptions {
  double threshold = kDefaultThreshold;
  double cutoff = -1;  // candidates below are dropped; < 0 means = threshold
  size_t limit = 5;
  // When set, only entities it accepts are returned (dataset or schema
  // filters, suppressed entity ids). Called concurrently: must be pure.
  std::function<bool(const Entity&)> filter;
};

class Screener {
 public:
  // Builds the index over `lists`. Takes ownership of the entities.
  static std::shared_ptr<const Screener> Build(ListSet lists);

  // A screener over the entities of this one that `keep` accepts, scoring
  // them exactly as this one does (the same rarity weights): for screening
  // many records against a few changed entities (delta re-screening). With
  // fewer names competing for a query's candidate slots it can find a
  // weak match a full search ranks out, never miss one it finds.
  std::shared_ptr<const Screener> Subset(const std::function<bool(const Entity&)>& keep) const;

  // Loads a snapshot written by SaveSnapshot.
  static Result<std::shared_ptr<const Screener>> LoadSnapshot(const std::filesystem::path& path);
  Status SaveSnapshot(const std::filesystem::path& path) const;

  ~Screener();
  Screener(const Screener&) = delete;
  Screener& operator=(const Screener&) = delete;

  std::vector<Match> Screen(const Query& query, const ScreenOptions& options) const;

  const ListSet& lists() const;
  size_t name_count() const;

  // The entity with this id, or nullptr.
  const Entity* FindEntity(std::string_view id) const;

  struct Impl;

 private:
  explicit Screener(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace embargo
