#include "sources/detect.h"

#include <gtest/gtest.h>

#include "common/file.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::SharedData;
using testing::TestData;

ListFormat DetectFile(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  return bytes.ok() ? DetectListFormat(path, *bytes) : ListFormat::kUnknown;
}

TEST(LoadDetectTest, RecognisesEveryReferenceFile) {
  EXPECT_EQ(DetectFile(SharedData("un/consolidated-2026-02-27.xml")), ListFormat::kUnXml);
  EXPECT_EQ(DetectFile(SharedData("us/csl-sample.csv")), ListFormat::kUsCsl);
  EXPECT_EQ(DetectFile(SharedData("us/bis-dpl.txt")), ListFormat::kBisDpl);
  EXPECT_EQ(DetectFile(SharedData("opensanctions/t1.ftm.json")), ListFormat::kFtmJson);
  EXPECT_EQ(DetectFile(SharedData("opensanctions/zala.ftm.json")), ListFormat::kFtmJson);
  EXPECT_EQ(DetectFile(SharedData("ofac/sdn-2024-05-03.csv")), ListFormat::kOfacLegacy);
  EXPECT_EQ(DetectFile(SharedData("ofac/sdn-2021-07/sdn.csv")), ListFormat::kOfacLegacy);
  EXPECT_EQ(DetectFile(SharedData("ofac/cons-2019/cons_prim.csv")), ListFormat::kOfacLegacy);
  EXPECT_EQ(DetectFile(SharedData("ofac/sdn-2021-07/alt.csv")), ListFormat::kOfacSidecar);
  EXPECT_EQ(DetectFile(SharedData("ofac/sdn-2021-07/sdn_comments.csv")), ListFormat::kOfacSidecar);
  EXPECT_EQ(DetectFile(SharedData("ofac/cons-2019/cons_add.csv")), ListFormat::kOfacSidecar);
}

TEST(LoadDetectTest, NegativesAreNotLists) {
  EXPECT_EQ(DetectFile(SharedData("negatives/negatives-global-dev.csv")), ListFormat::kUnknown);
  EXPECT_EQ(DetectFile(SharedData("negatives/negatives-us-dev.csv")), ListFormat::kUnknown);
}

TEST(LoadDetectTest, RecognisesEmbargoListsByHeaderAndKey) {
  EXPECT_EQ(DetectFile(TestData("lists/rok-fsc-sample.csv")), ListFormat::kEmbargoCsv);
  EXPECT_EQ(DetectFile(TestData("lists/rok-fsc-sample.json")), ListFormat::kEmbargoJson);
  // A misspelt column still selects the format, so the parser can say what is wrong.
  EXPECT_EQ(DetectFile(TestData("lists/unknown-column.csv")), ListFormat::kEmbargoCsv);
}

TEST(LoadDetectTest, ContentDecidesNotTheExtension) {
  EXPECT_EQ(DetectListFormat("list.txt", "\xEF\xBB\xBF\n id,name\nA,B\n"), ListFormat::kEmbargoCsv);
  EXPECT_EQ(DetectListFormat("data.csv", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>"),
            ListFormat::kUnXml);
  EXPECT_EQ(DetectListFormat("x.xml", "<?xml version=\"1.0\"?>\n<sdnList>"),
            ListFormat::kOfacSdnXml);
  EXPECT_EQ(DetectListFormat("x.xml", "<?xml version=\"1.0\"?>\n<Sanctions>"),
            ListFormat::kUnknown);
  EXPECT_EQ(DetectListFormat("x.json", "{\"id\": \"a\", \"schema\": \"Person\"}\n"),
            ListFormat::kFtmJson);
  EXPECT_EQ(DetectListFormat("x.json", "{\"id\": \"a\", \"schema\": \"Per"), ListFormat::kFtmJson);
  EXPECT_EQ(DetectListFormat("x.json", "{\n  \"entities\": []\n}"), ListFormat::kEmbargoJson);
  EXPECT_EQ(DetectListFormat("x.json", "{\"name\": \"package\"}"), ListFormat::kUnknown);
  EXPECT_EQ(DetectListFormat("empty.csv", ""), ListFormat::kUnknown);
  EXPECT_EQ(DetectListFormat("add.csv", "id,name\nA,B\n"), ListFormat::kEmbargoCsv);
}

TEST(LoadDetectTest, FormatNamesMatchDatasetFormat) {
  EXPECT_EQ(ListFormatName(ListFormat::kUnXml), "un_xml");
  EXPECT_EQ(ListFormatName(ListFormat::kEmbargoCsv), "embargo_list");
  EXPECT_EQ(ListFormatName(ListFormat::kFtmJson), "ftm");
  EXPECT_EQ(ListFormatName(ListFormat::kUnknown), "unknown");
}

}  // namespace
}  // namespace embargo
