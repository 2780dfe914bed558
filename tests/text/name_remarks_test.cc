#include "text/name_remarks.h"

#include <gtest/gtest.h>

#include <string>

#include "text/name_analyzer.h"

namespace embargo::text {
namespace {

struct Row {
  const char* name;
  const char* kept;
};

// Names as lists and customer files write them (the first two are the UK
// list's own spellings of UN designations).
constexpr Row kRows[] = {
    {"Khirullah Said Wali Khairkhwa, born in Kandahar on 01 Jan.1967",
     "Khirullah Said Wali Khairkhwa"},
    {"Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport no.03825239, date of "
     "issue 4 May 2014, expiry 3 May 2024.)",
     "Safia Farkash Mohammed Al-Hadad"},
    {"Mohammad Ishaq Akhund born in 1963", "Mohammad Ishaq Akhund"},
    {"JOHN SMITH BORN 1960", "JOHN SMITH"},
    {"JOHN SMITH DOB 01/02/1960", "JOHN SMITH"},
    {"John Smith (d.o.b. 1960)", "John Smith"},
    {"Ri Won Ho; date of birth 17 July 1964", "Ri Won Ho"},
    {"Ahmad Ali, passport no. A123", "Ahmad Ali"},
    // Not remarks: the word inside a name, a surname Born, a name with no tail.
    {"Osborne Dobson", "Osborne Dobson"},
    {"Max Born", "Max Born"},
    {"BORN, Max", "BORN, Max"},
    {"Passport Trading LLC", "Passport Trading LLC"},
    {"Born in the USA Ltd", "Born in the USA Ltd"},  // nothing would be left
    {"김정은", "김정은"},
    {"", ""},
};

TEST(NameRemarksTest, CutsTheRemarkAfterAName) {
  for (const Row& row : kRows) EXPECT_EQ(CutRemarkTail(row.name), row.kept) << row.name;
}

TEST(NameRemarksTest, TheAnalysisLeavesTheRemarkOut) {
  AnalyzedName with = AnalyzeName("Khirullah Said Wali Khairkhwa, born in Kandahar on 01 Jan.1967",
                                  Schema::kPerson);
  AnalyzedName without = AnalyzeName("Khirullah Said Wali Khairkhwa", Schema::kPerson);
  ASSERT_EQ(with.tokens.size(), without.tokens.size());
  for (size_t i = 0; i < with.tokens.size(); ++i)
    EXPECT_EQ(with.tokens[i].norm, without.tokens[i].norm);
}

}  // namespace
}  // namespace embargo::text
