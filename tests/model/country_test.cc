#include "model/country.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace embargo {
namespace {

struct CountryCase {
  std::string text;
  std::string iso2;
};

TEST(CountryTest, NormalizesListSpellings) {
  const std::vector<CountryCase> cases = {
      // ISO codes and names.
      {"KP", "kp"},
      {"prk", "kp"},
      {"IRN", "ir"},
      {"de", "de"},
      {"Germany", "de"},
      {"Viet Nam", "vn"},
      {"Bolivia, Plurinational State of", "bo"},
      // OFAC spellings.
      {"Korea, North", "kp"},
      {"Korea, South", "kr"},
      {"Burma", "mm"},
      {"Iran", "ir"},
      {"Russia", "ru"},
      {"Syria", "sy"},
      {"Congo, Democratic Republic of the", "cd"},
      {"Congo, Republic of the", "cg"},
      {"Venezuela", "ve"},
      {"Cuba", "cu"},
      {"Bahamas, The", "bs"},
      {"Man, Isle of", "im"},
      {"Micronesia, Federated States of", "fm"},
      {"The Gambia", "gm"},
      {"St. Kitts & Nevis", "kn"},
      {"Virgin Islands, British", "vg"},
      {"Cote d Ivoire", "ci"},
      {"Bosnia-Herzegovina", "ba"},
      {"Macedonia, The Former Yugoslav Republic of", "mk"},
      {"West Bank", "ps"},
      {"Region: Gaza", "ps"},
      // UN spellings.
      {"Democratic People's Republic of Korea", "kp"},
      {"Iran (Islamic Republic of)", "ir"},
      {"Syrian Arab Republic", "sy"},
      {"Russian Federation", "ru"},
      {"United Republic of Tanzania", "tz"},
      {"Libya", "ly"},
      {"Democratic Republic of the Congo", "cd"},
      {"Türkiye", "tr"},
      {"State of Palestine", "ps"},
      {"United Kingdom of Great Britain and Northern Ireland", "gb"},
      {"China, Hong Kong Special Administrative Region", "hk"},
      {"United States of America", "us"},
      // Demonyms.
      {"Iranian", "ir"},
      {"North Korean", "kp"},
      {"Syrian", "sy"},
      {"Russian", "ru"},
      {"Iraqi", "iq"},
      {"Afghan", "af"},
      {"Pakistani", "pk"},
      {"Chinese", "cn"},
      {"American", "us"},
      {"Eritrean", "er"},
      // Case, punctuation, spacing and accents.
      {"  korea ,  NORTH ", "kp"},
      {"Côte d'Ivoire", "ci"},
      {"COTE D'IVOIRE", "ci"},
      {"U.S.A.", "us"},
      {"São Tomé and Príncipe", "st"},
      {"Curaçao", "cw"},
      {"Réunion", "re"},
      {"Åland Islands", "ax"},
      // Not countries.
      {"", ""},
      {"-0-", ""},
      {"Atlantis", ""},
      {"Korea", ""},
      {"Tehran, Iran", ""},
      {"\xff\xfe", ""},
      {"N/A", ""},
      {"n.a.", ""},
      {"NA", "na"},
  };
  for (const CountryCase& c : cases) {
    EXPECT_EQ(NormalizeCountry(c.text), c.iso2) << "input: " << c.text;
  }
}

TEST(CountryTest, CountryMentionsSayWhereThePhraseStands) {
  const std::string name = "Foreign Trade Bank of North Korea (DPRK), Iran branch";
  std::vector<CountryMention> mentions = CountryMentions(name);
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(name.substr(mentions[0].begin, mentions[0].end - mentions[0].begin), "North Korea");
  EXPECT_EQ(mentions[0].code, "kp");
  EXPECT_EQ(name.substr(mentions[1].begin, mentions[1].end - mentions[1].begin), "DPRK");
  EXPECT_EQ(mentions[1].code, "kp");
  EXPECT_EQ(name.substr(mentions[2].begin, mentions[2].end - mentions[2].begin), "Iran");
  EXPECT_EQ(mentions[2].code, "ir");
  EXPECT_TRUE(CountryMentions("Siemens AG").empty());
}

TEST(CountryTest, ANameWithoutTheCountriesItNames) {
  std::vector<std::string> codes;
  EXPECT_EQ(NameWithoutCountries("Foreign Trade Bank of North Korea", codes), "Foreign Trade Bank");
  EXPECT_EQ(codes, std::vector<std::string>{"kp"});
  codes.clear();
  EXPECT_EQ(NameWithoutCountries("Foreign Trade Bank of the DPRK", codes), "Foreign Trade Bank");
  codes.clear();
  EXPECT_EQ(NameWithoutCountries("Foreign Trade Bank (DPRK)", codes), "Foreign Trade Bank)");
  codes.clear();
  EXPECT_EQ(NameWithoutCountries("Bank Melli Iran, Syria branch", codes), "Bank Melli branch");
  EXPECT_EQ(codes, (std::vector<std::string>{"ir", "sy"}));
  codes.clear();
  EXPECT_EQ(NameWithoutCountries("Siemens AG", codes), "");
  EXPECT_TRUE(codes.empty());
}

TEST(CountryTest, CountriesNamedInFirmsNames) {
  using V = std::vector<std::string>;
  EXPECT_EQ(CountriesNamedIn("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"),
            V{"kp"});
  EXPECT_EQ(CountriesNamedIn("Foreign Trade Bank of the DPRK"), V{"kp"});
  EXPECT_EQ(CountriesNamedIn("BANK MELLI IRAN"), V{"ir"});
  EXPECT_EQ(CountriesNamedIn("SYRIA TRADING OIL COMPANY, BRANCH IN RUSSIA"), (V{"sy", "ru"}));
  // Codes and legal forms are not countries: CO, SA, IRN.
  EXPECT_EQ(CountriesNamedIn("SIEMENS CO SA"), V{});
  EXPECT_EQ(CountriesNamedIn("IRN TRADING"), V{});
  EXPECT_EQ(CountriesNamedIn(""), V{});
}

TEST(CountryTest, LabelsCodesWithShortNames) {
  EXPECT_EQ(CountryLabel("kp"), "North Korea");
  EXPECT_EQ(CountryLabel("KP"), "North Korea");
  EXPECT_EQ(CountryLabel("ir"), "Iran");
  EXPECT_EQ(CountryLabel("ru"), "Russia");
  EXPECT_EQ(CountryLabel("de"), "Germany");
  EXPECT_EQ(CountryLabel("zz"), "zz");
}

TEST(CountryTest, EveryLabelNormalizesBackToItsCode) {
  for (const char* code : {"kp", "kr", "ir", "sy", "cd", "cg", "ci", "gb", "us", "mk", "xk"}) {
    EXPECT_EQ(NormalizeCountry(CountryLabel(code)), code) << code;
  }
}

}  // namespace
}  // namespace embargo
