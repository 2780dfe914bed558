#include "match/evidence.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "model/country.h"
#include "model/imo.h"

namespace embargo::match {
namespace {

struct YearRange {
  int from, to;
};

YearRange YearsOf(const DateSpec& d) {
  int from = d.from.year, to = d.to.empty() ? d.from.year : d.to.year;
  if (d.approximate) {
    from -= 2;
    to += 2;
  }
  return {std::min(from, to), std::max(from, to)};
}

// Two exact full dates of the same day and month whose four-digit years
// differ in one digit only.
bool YearsOneDigitApart(const DateSpec& q, const DateSpec& l) {
  auto exact_day = [](const DateSpec& d) {
    return !d.approximate && (d.to.empty() || d.to == d.from) && d.from.day > 0;
  };
  if (!exact_day(q) || !exact_day(l) || q.from.month != l.from.month || q.from.day != l.from.day)
    return false;
  const std::string a = std::to_string(q.from.year), b = std::to_string(l.from.year);
  if (a.size() != b.size()) return false;
  int differ = 0;
  for (size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
  return differ == 1;
}

DateRelation Compare(const DateSpec& q, const DateSpec& l) {
  if (q.from.empty() || l.from.empty()) return DateRelation::kNone;
  YearRange qy = YearsOf(q), ly = YearsOf(l);
  int gap = std::max(qy.from - ly.to, ly.from - qy.to);
  if (gap >= 2)
    return YearsOneDigitApart(q, l) ? DateRelation::kYearDigit : DateRelation::kContradicts;
  if (gap == 1) return DateRelation::kNear;
  bool q_single = q.to.empty() || q.to == q.from;
  bool l_single = l.to.empty() || l.to == l.from;
  // Overlapping ranges or approximate years agree only loosely: neutral.
  if (!q_single || !l_single || q.approximate || l.approximate) return DateRelation::kNear;
  if (q.from.year != l.from.year) return DateRelation::kNear;
  if (q.from.month == 0 || l.from.month == 0) return DateRelation::kSameYear;
  if (q.from.month != l.from.month) {
    bool swapped = q.from.day == l.from.month && q.from.month == l.from.day;
    return swapped ? DateRelation::kSameYear : DateRelation::kDayMismatch;
  }
  if (q.from.day == 0 || l.from.day == 0) return DateRelation::kSameYear;
  return q.from.day == l.from.day ? DateRelation::kExact : DateRelation::kDayMismatch;
}

std::string JoinDates(const std::vector<DateSpec>& dates) {
  std::string out;
  for (const DateSpec& d : dates) out += (out.empty() ? "" : ", ") + d.ToString();
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

bool TiedToAnyCountry(const EntityEvidence& evidence, const std::vector<std::string>& codes) {
  auto in = [&](const std::string& c) {
    return std::find(codes.begin(), codes.end(), c) != codes.end();
  };
  const Entity& e = evidence.entity;
  return std::any_of(e.nationalities.begin(), e.nationalities.end(), in) ||
         std::any_of(e.countries.begin(), e.countries.end(), in) ||
         std::any_of(e.addresses.begin(), e.addresses.end(),
                     [&](const Address& a) { return in(a.country); }) ||
         std::any_of(evidence.named_countries.begin(), evidence.named_countries.end(), in);
}

namespace {

void AddBirthDate(const Query& query, const Entity& listed, bool explain, EvidenceResult& r) {
  DateRelation rel = CompareBirthDates(query.birth_dates, listed.birth_dates);
  if (rel == DateRelation::kNone) return;
  std::string detail = explain ? fmt::format("query {} vs listed {}", JoinDates(query.birth_dates),
                                             JoinDates(listed.birth_dates))
                               : "";
  switch (rel) {
    case DateRelation::kExact:
      r.features.push_back({"birth_date", kDobExactBonus, "same date: " + detail});
      r.corroborated = true;
      break;
    case DateRelation::kSameYear:
      r.features.push_back({"birth_date", kDobYearBonus, "same year: " + detail});
      r.corroborated = true;
      break;
    case DateRelation::kNear:
      r.features.push_back({"birth_date", 0, "close or within an approximate range: " + detail});
      break;
    case DateRelation::kYearDigit:
      r.features.push_back(
          {"birth_date", 0,
           "same day and month, the years one digit apart (a typo?): no bonus, no penalty: " +
               detail});
      break;
    case DateRelation::kDayMismatch:
      r.features.push_back(
          {"birth_date", kDobDayMismatchPenalty, "same year, another month or day: " + detail});
      break;
    case DateRelation::kContradicts:
      r.features.push_back({"birth_date", kDobContradictionPenalty, "different year: " + detail});
      break;
    case DateRelation::kNone: break;
  }
}

void AddCountry(const Query& query, const EntityEvidence& ev, bool explain, EvidenceResult& r) {
  if (query.countries.empty()) return;
  const std::vector<std::string>& nationalities = ev.entity.nationalities;
  // Its countries: linked, of its addresses, or named in its names (copied
  // together only when there is more than the first).
  std::vector<std::string> gathered;
  bool more = !ev.named_countries.empty();
  for (const Address& a : ev.entity.addresses) more = more || !a.country.empty();
  if (more) {
    gathered = ev.entity.countries;
    for (const Address& a : ev.entity.addresses) {
      if (!a.country.empty()) gathered.push_back(a.country);
    }
    gathered.insert(gathered.end(), ev.named_countries.begin(), ev.named_countries.end());
  }
  const std::vector<std::string>& countries = more ? gathered : ev.entity.countries;
  const auto& listed = !nationalities.empty() ? nationalities : countries;
  if (listed.empty()) return;
  std::string detail =
      explain ? fmt::format("query {} vs listed {}", Join(query.countries), Join(listed)) : "";
  if (TiedToAnyCountry(ev, query.countries)) {
    // Most queries name their countries for sure: nothing to set apart.
    bool sure_tie = query.ambiguous_countries.empty();
    if (!sure_tie) {
      std::vector<std::string> sure;
      for (const std::string& c : query.countries) {
        if (std::find(query.ambiguous_countries.begin(), query.ambiguous_countries.end(), c) ==
            query.ambiguous_countries.end())
          sure.push_back(c);
      }
      sure_tie = TiedToAnyCountry(ev, sure);
    }
    if (sure_tie) {
      r.features.push_back({"country", kNationalityMatchBonus, "same country: " + detail});
    } else {
      r.features.push_back({"country", 0,
                            "an ambiguous country (" + Join(query.ambiguous_countries) +
                                ") may be the listed one: no bonus, no penalty: " + detail});
    }
  } else if (!nationalities.empty()) {
    r.features.push_back(
        {"country", kNationalityMismatchPenalty, "different nationality: " + detail});
  } else {
    r.features.push_back({"country", kCountryMismatchPenalty, "different country: " + detail});
  }
}

void AddGender(const Query& query, const Entity& listed, bool explain, EvidenceResult& r) {
  if (query.gender == Gender::kUnknown || listed.gender == Gender::kUnknown) return;
  if (query.gender != listed.gender) {
    r.features.push_back({"gender", kGenderMismatchPenalty,
                          explain ? fmt::format("query {} vs listed {}", GenderName(query.gender),
                                                GenderName(listed.gender))
                                  : ""});
  }
}

void AddIdentifiers(const Query& query, const Entity& listed, bool explain, EvidenceResult& r) {
  auto too_short = [](const std::string& s) { return s.size() < kMinIdentifierLength; };
  std::vector<std::string> ids;
  for (const auto& v : query.id_numbers) ids.push_back(NormalizeIdentifier(v));
  for (const auto& v : query.imo_numbers) ids.push_back(NormalizeIdentifier(v));
  std::erase_if(ids, too_short);
  if (ids.empty()) return;
  // The listed identifiers in the same form; passports and national IDs
  // apart (a different one says something, another kind of number not).
  std::vector<std::string> listed_ids, passport_ids, imo_ids;
  for (const Identifier& id : listed.identifiers) {
    std::string norm = NormalizeIdentifier(id.value);
    if (too_short(norm)) continue;
    if (id.type == IdType::kPassport || id.type == IdType::kNationalId)
      passport_ids.push_back(norm);
    if (id.type == IdType::kImo && listed.schema == Schema::kVessel)
      imo_ids.push_back(ImoDigits(id.value));
    listed_ids.push_back(std::move(norm));
  }
  for (const std::string& id : ids) {
    if (std::find(listed_ids.begin(), listed_ids.end(), id) != listed_ids.end()) {
      r.identifier_match = true;
      r.corroborated = true;
      r.features.push_back({"identifier", 0, "same identifier " + id});
      return;
    }
  }
  std::erase(imo_ids, "");
  std::vector<std::string> query_imos;
  for (const auto& v : query.imo_numbers) {
    if (std::string digits = ImoDigits(v); !digits.empty()) query_imos.push_back(digits);
  }
  if (!query_imos.empty() && !imo_ids.empty()) {
    r.features.push_back(
        {"imo", kImoMismatchPenalty,
         explain ? fmt::format("another ship: IMO {} vs listed {}", Join(query_imos), Join(imo_ids))
                 : ""});
    return;
  }
  if (!query.id_numbers.empty() && !passport_ids.empty()) {
    r.features.push_back(
        {"identifier", kIdentifierMismatchPenalty,
         explain ? fmt::format("query {} vs listed {}", Join(ids), Join(passport_ids)) : ""});
  }
}

}  // namespace

DateRelation CompareBirthDates(const std::vector<DateSpec>& query,
                               const std::vector<DateSpec>& listed) {
  DateRelation best = DateRelation::kNone;
  for (const DateSpec& q : query) {
    for (const DateSpec& l : listed) {
      DateRelation rel = Compare(q, l);
      if (best == DateRelation::kNone || static_cast<int>(rel) > static_cast<int>(best)) best = rel;
    }
  }
  return best;
}

double MaxEvidenceGain(const Query& query) {
  static_assert(kDobExactBonus >= kDobYearBonus && kDobDayMismatchPenalty <= 0 &&
                    kDobContradictionPenalty <= 0 && kNationalityMismatchPenalty <= 0 &&
                    kCountryMismatchPenalty <= 0 && kGenderMismatchPenalty <= 0 &&
                    kIdentifierMismatchPenalty <= 0 && kImoMismatchPenalty <= 0,
                "MaxEvidenceGain assumes these are the only gains");
  if (!query.id_numbers.empty() || !query.imo_numbers.empty())
    return std::numeric_limits<double>::infinity();
  // Summed in ScoreEvidence's order, so that the bound is exactly its sum.
  double gain = 0;
  if (!query.birth_dates.empty()) gain += kDobExactBonus;
  if (!query.countries.empty()) gain += kNationalityMatchBonus;
  return gain;
}

EvidenceResult ScoreEvidence(const Query& query, const EntityEvidence& evidence,
                             EvidenceDetail detail) {
  EvidenceResult r;
  bool explain = detail == EvidenceDetail::kExplain;
  AddBirthDate(query, evidence.entity, explain, r);
  AddCountry(query, evidence, explain, r);
  AddGender(query, evidence.entity, explain, r);
  AddIdentifiers(query, evidence.entity, explain, r);
  for (const FeatureContribution& f : r.features) r.adjustment += f.value;
  return r;
}

}  // namespace embargo::match
