#include "sources/ofac_remarks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace embargo {
namespace {

// One line per fact ApplyOfacRemarks produced, in field order.
std::string Describe(const Entity& entity) {
  std::vector<std::string> facts;
  for (const Name& name : entity.names) {
    facts.push_back(std::string(NameKindName(name.kind)) + ":" + name.value);
  }
  for (const DateSpec& date : entity.birth_dates) facts.push_back("dob:" + date.ToString());
  for (const std::string& place : entity.birth_places) facts.push_back("pob:" + place);
  for (const std::string& country : entity.nationalities) facts.push_back("nat:" + country);
  for (const std::string& country : entity.countries) facts.push_back("country:" + country);
  for (const std::string& flag : entity.former_flags) facts.push_back("former_flag:" + flag);
  if (!entity.vessel->type.empty()) facts.push_back("vessel_type:" + entity.vessel->type);
  if (!entity.vessel->tonnage.empty()) facts.push_back("tonnage:" + entity.vessel->tonnage);
  if (!entity.vessel->gross_tonnage.empty()) facts.push_back("grt:" + entity.vessel->gross_tonnage);
  if (!entity.vessel->build_date.empty()) facts.push_back("built:" + entity.vessel->build_date);
  if (entity.gender != Gender::kUnknown) {
    facts.push_back("gender:" + std::string(GenderName(entity.gender)));
  }
  for (const Identifier& id : entity.identifiers) {
    facts.push_back("id:" + std::string(IdTypeName(id.type)) + ":" + id.value + ":" + id.country +
                    ":" + id.label);
  }
  for (const Link& link : entity.links)
    facts.push_back("link:" + link.relation + ":" + link.target_name);
  for (const std::string& remark : entity.remarks) facts.push_back("remark:" + remark);
  std::string out;
  for (const std::string& fact : facts) out += (out.empty() ? "" : " | ") + fact;
  return out;
}

struct RemarksCase {
  std::string remarks;
  std::string expected;
};

TEST(OfacRemarksTest, ParsesEveryConstruct) {
  const std::vector<RemarksCase> cases = {
      // Birth dates keep their precision.
      {"DOB 03 Mar 1971.", "dob:1971-03-03"},
      {"DOB Apr 1969", "dob:1969-04"},
      {"DOB 1958", "dob:1958"},
      {"DOB circa 1958", "dob:~1958"},
      {"DOB 1960 to 1962", "dob:1960..1962"},
      {"DOB 01 Jan 1960 to 31 Dec 1961", "dob:1960-01-01..1961-12-31"},
      {"DOB Mar 1962 to Feb 1963", "dob:1962-03..1963-02"},
      {"DOB circa 07 Jul 1966", "dob:~1966-07-07"},
      {"DOB circa 1979-1982", "dob:~1979..1982"},
      {"DOB 12 Dec 1970; alt. DOB 1972", "dob:1970-12-12 | dob:1972"},
      {"DOB 31 Feb 1970", "remark:DOB 31 Feb 1970"},
      {"DOB unknown", "remark:DOB unknown"},
      // Birth places, nationality, citizenship, gender.
      {"POB Nampo, Korea, North", "pob:Nampo, Korea, North | country:kp"},
      {"alt. POB Tehran, Iran", "pob:Tehran, Iran | country:ir"},
      {"POB Pyongyang", "pob:Pyongyang"},
      {"nationality Iran; citizen Syria", "nat:ir | nat:sy"},
      {"nationality Korea, North; alt. nationality Russia", "nat:kp | nat:ru"},
      {"nationality Atlantis", "remark:nationality Atlantis"},
      {"Gender Female", "gender:female"},
      // Identifiers with issuing country and issue/expiry tails.
      {"Passport 927100001 (Korea, North) issued 02 Feb 2015 expires 02 Feb 2020",
       "id:passport:927100001:kp:Passport"},
      {"alt. Passport A1234567 (Iran)", "id:passport:A1234567:ir:Passport"},
      {"Passport I066302 (Cabo Verde.  Previously Cape Verde.)", "id:passport:I066302:cv:Passport"},
      {"Passport X1 (Atlantis)", "id:passport:X1::Passport"},
      {"Passport 745420176 expires 19 Oct 2020", "id:passport:745420176::Passport"},
      {"National ID No. 0012345678 (Iran)", "id:national_id:0012345678:ir:National ID No."},
      {"Cedula No. 12345678 (Colombia)", "id:national_id:12345678:co:Cedula No."},
      {"Tax ID No. AABA 670850 Y", "id:tax:AABA 670850 Y::Tax ID No."},
      {"SSN 523-33-8386 (United States)", "id:national_id:523-33-8386:us:SSN"},
      {"Registration Number 55555 (Iran)", "id:registration:55555:ir:Registration Number"},
      {"Registration ID 14063277", "id:registration:14063277::Registration ID"},
      // The country straight after the number, as some records write it.
      {"Registration ID 1027700070518(Russia)", "id:registration:1027700070518:ru:Registration ID"},
      {"Tax ID No. A(12)", "id:tax:A(12)::Tax ID No."},
      {"Legal Entity Number 253400WSS48YWMBUA688",
       "id:registration:253400WSS48YWMBUA688::Legal Entity Number"},
      {"Company Number 01074897 (United Kingdom)", "id:registration:01074897:gb:Company Number"},
      {"D-U-N-S Number 542957624", "id:registration:542957624::D-U-N-S Number"},
      {"NIT # 800146749-7 (Colombia)", "id:tax:800146749-7:co:NIT #"},
      {"Diplomatic Passport 008827 (Iran) issued 1999",
       "id:passport:008827:ir:Diplomatic Passport"},
      {"Driver's License No. 180839 (Mexico)", "id:other:180839:mx:Driver's License No."},
      {"Registration Number HRA 738077 (Stuttgart) (Germany)",
       "id:registration:HRA 738077 (Stuttgart):de:Registration Number"},
      // Vessels, banks, crypto.
      {"Vessel Registration Identification IMO 9876543",
       "id:imo:9876543::Vessel Registration Identification IMO"},
      {"MMSI 445100001", "id:mmsi:445100001::MMSI"},
      {"SWIFT/BIC FTBDKPPY", "id:swift_bic:FTBDKPPY::SWIFT/BIC"},
      {"Digital Currency Address - XBT 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
       "id:crypto:1BoatSLRHtKNngkdXEeobR76b53LETtpyT::XBT"},
      {"alt. Digital Currency Address - ETH 0x7F367cC41522cE07553e823bf3be79A889DEbe1B",
       "id:crypto:0x7F367cC41522cE07553e823bf3be79A889DEbe1B::ETH"},
      {"Former Vessel Flag Malta; Other Vessel Flag Tanzania; Vessel Flag Man, Isle of",
       "country:tz | country:im | former_flag:mt"},
      {"Nationality of Registration Korea, North", "country:kp"},
      {"Other Vessel Call Sign 5IM713", "id:other:5IM713::call_sign"},
      // A vessel's facts; a second type is kept as a remark, not lost.
      {"Vessel Year of Build 1999", "built:1999"},
      {"VESSEL TYPE Crude Oil Tanker; Other Vessel Type Oil Products Tanker",
       "vessel_type:Crude Oil Tanker | remark:Other Vessel Type: Oil Products Tanker"},
      {"Vessel Tonnage 299,995; Vessel Gross Registered Tonnage 156,809",
       "tonnage:299,995 | grt:156,809"},
      // Weak aliases: single quotes, apostrophes inside names.
      {"a.k.a. 'THE TALL ONE'", "weak_alias:THE TALL ONE"},
      {"f.k.a. 'OLD NAME TRADING'.", "weak_alias:OLD NAME TRADING"},
      {"a.k.a. 'SHA'BAN'; a.k.a. 'ABU AL-WAFA''.", "weak_alias:SHA'BAN | weak_alias:ABU AL-WAFA'"},
      {"a.k.a. 'AHMED, A.'; a.k.a. ''FOOPIE''", "weak_alias:AHMED, A. | weak_alias:FOOPIE"},
      {"a.k.a. 'A; B'", "weak_alias:A; B"},
      // Links keep the abbreviation ending the remarks.
      {"Linked To: EXAMPLE SHIPPING CO., LTD.", "link:linked_to:EXAMPLE SHIPPING CO., LTD."},
      {"Linked To: HIZBALLAH.", "link:linked_to:HIZBALLAH"},
      {"Aircraft Operator YAS AIR", "link:operator:YAS AIR"},
      // Sanctions flags and unknown items stay as remarks.
      {"Additional Sanctions Information - Subject to Secondary Sanctions",
       "remark:Additional Sanctions Information - Subject to Secondary Sanctions"},
      {"Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210",
       "remark:Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and "
       "510.210"},
      {"Website www.example.com; Email Address x@y.z",
       "remark:Website www.example.com | remark:Email Address x@y.z"},
      {"President of X ; DOB 1950", "dob:1950 | remark:President of X"},
      // Garbage never crashes.
      {"", ""},
      {";;;  ; .", ""},
      {"a.k.a. 'unterminated", "remark:a.k.a. 'unterminated"},
      {"a.k.a. ''", "remark:a.k.a. ''"},
      {"DOB", "remark:DOB"},
      {"Passport", "remark:Passport"},
      {"Passport (Iran)", "remark:Passport (Iran)"},
      {"Digital Currency Address - XBT", "remark:Digital Currency Address - XBT"},
      {"'", "remark:'"},
  };
  for (const RemarksCase& c : cases) {
    Entity entity;
    ApplyOfacRemarks(c.remarks, entity);
    EXPECT_EQ(Describe(entity), c.expected) << "remarks: " << c.remarks;
  }
}

TEST(OfacRemarksTest, ParsesDatesWithPrecision) {
  EXPECT_EQ(ParseOfacDate("03 Mar 1971"), (PartialDate{1971, 3, 3}));
  EXPECT_EQ(ParseOfacDate("Apr 1969"), (PartialDate{1969, 4, 0}));
  EXPECT_EQ(ParseOfacDate("1958"), (PartialDate{1958, 0, 0}));
  EXPECT_EQ(ParseOfacDate("29 Feb 2000"), (PartialDate{2000, 2, 29}));
  EXPECT_EQ(ParseOfacDate("29 Feb 1999"), std::nullopt);
  EXPECT_EQ(ParseOfacDate("1 Foo 1999"), std::nullopt);
  EXPECT_EQ(ParseOfacDate("03 Mar 71"), std::nullopt);
  EXPECT_EQ(ParseOfacDate(""), std::nullopt);
}

TEST(OfacRemarksTest, KeepsQuotedAliasWithSemicolonAsOneItem) {
  std::vector<std::string_view> items = SplitOfacRemarks("a.k.a. 'X; Y'; DOB 1958.");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0], "a.k.a. 'X; Y'");
  EXPECT_EQ(items[1], "DOB 1958");
}

TEST(OfacRemarksTest, FindsCountryAtEndOfPlace) {
  EXPECT_EQ(CountryOfPlace("Nampo, Korea, North"), "kp");
  EXPECT_EQ(CountryOfPlace("Tehran, Iran"), "ir");
  EXPECT_EQ(CountryOfPlace("Korea, South"), "kr");
  EXPECT_EQ(CountryOfPlace("Pyongyang"), "");
  EXPECT_EQ(CountryOfPlace(","), "");
}

// Periods (ADVANCED XML's DatePeriod) written as OFAC writes dates, and
// read back by the DOB grammar to the same DateSpec.
TEST(OfacRemarksTest, WritesPeriodsAsOfacDates) {
  struct Case {
    PartialDate from, to;
    bool approximate;
    std::string text;
  };
  for (const Case& c : std::vector<Case>{
           {{1971, 3, 3}, {1971, 3, 3}, false, "03 Mar 1971"},
           {{1971, 3, 1}, {1971, 3, 31}, false, "Mar 1971"},
           {{1962, 1, 1}, {1962, 12, 31}, false, "1962"},
           {{1960, 1, 1}, {1962, 12, 31}, false, "1960 to 1962"},
           {{1962, 1, 1}, {1962, 12, 31}, true, "circa 1962"},
           {{1971, 3, 1}, {1971, 4, 15}, false, "01 Mar 1971 to 15 Apr 1971"},
           {{2024, 2, 1}, {2024, 2, 29}, false, "Feb 2024"},
           {{2023, 2, 1}, {2023, 2, 28}, false, "Feb 2023"},
           {{}, {}, false, ""},
       }) {
    EXPECT_EQ(OfacPeriodText(c.from, c.to, c.approximate), c.text);
    if (c.text.empty()) continue;
    std::optional<DateSpec> read = ParseOfacBirthDate(c.text);
    ASSERT_TRUE(read.has_value()) << c.text;
    EXPECT_EQ(read->approximate, c.approximate) << c.text;
  }
}

TEST(OfacRemarksTest, WritesFeatureAndDocumentItems) {
  EXPECT_EQ(OfacFeatureItem("Birthdate", "1962"), "DOB 1962");
  EXPECT_EQ(OfacFeatureItem("Citizenship Country", "Switzerland"), "citizen Switzerland");
  EXPECT_EQ(OfacFeatureItem("Vessel Flag:", "Panama"), "Vessel Flag Panama");
  EXPECT_EQ(OfacFeatureItem("Website", ""), "Website");
  EXPECT_EQ(OfacDocumentItem("Passport", "X0906223", "Switzerland"),
            "Passport X0906223 (Switzerland)");
  EXPECT_EQ(OfacDocumentItem("Passport", "A1", "", "01 Jan 2010", "01 Jan 2020"),
            "Passport A1 issued 01 Jan 2010 expires 01 Jan 2020");
}

}  // namespace
}  // namespace embargo
