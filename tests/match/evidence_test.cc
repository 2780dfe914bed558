// How a query's birth date relates to a listed one (CompareBirthDates), row
// by row: the same date, the same year, a day or month apart, close, a year
// one digit apart (a typo: 1980 / 1990, as OFAC corrected Batu KHASIKOV's in
// a later list; a new user's trial), contradicting.
#include "match/evidence.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace embargo::match {
namespace {

DateSpec Date(const std::string& text, bool approximate = false) {
  PartialDate d = *PartialDate::Parse(text);
  return DateSpec{d, d, approximate};
}

struct Row {
  const char* query;
  const char* listed;
  DateRelation expected;
};

TEST(EvidenceTest, BirthDatesRelateRowByRow) {
  const Row rows[] = {
      {"1964-07-17", "1964-07-17", DateRelation::kExact},
      {"1964", "1964-07-17", DateRelation::kSameYear},
      {"1964-07-18", "1964-07-17", DateRelation::kDayMismatch},
      {"1965-07-17", "1964-07-17", DateRelation::kNear},
      {"1980-05-05", "1990-05-05", DateRelation::kYearDigit},
      {"1964-07-17", "1954-07-17", DateRelation::kYearDigit},
      {"1964-07-17", "1969-07-17", DateRelation::kYearDigit},
      {"1980-05-05", "1991-05-05", DateRelation::kContradicts},  // two digits
      {"1980-05-06", "1990-05-05", DateRelation::kContradicts},  // another day too
      {"1980-05", "1990-05", DateRelation::kContradicts},        // no day: nothing to tie
      {"1980", "1990", DateRelation::kContradicts},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(CompareBirthDates({Date(row.query)}, {Date(row.listed)}), row.expected)
        << row.query << " vs " << row.listed;
  }
  // An approximate date ties nothing by a digit.
  EXPECT_EQ(CompareBirthDates({Date("1980-05-05", true)}, {Date("1990-05-05")}),
            DateRelation::kContradicts);
}

}  // namespace
}  // namespace embargo::match
