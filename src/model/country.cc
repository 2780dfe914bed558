#include "model/country.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/strings.h"
#include "common/utf8.h"

namespace embargo {
namespace {

struct CountryRow {
  std::string_view alpha2;
  std::string_view alpha3;
  std::string_view label;  // English short name for display
  std::string_view names;  // '|'-separated spellings: ISO, OFAC, UN, common, demonyms
};

// ISO 3166-1 (from Debian iso-codes), plus Kosovo and the retired ISO 3166-3
// codes that old listings still use. Names are matched through CountryKey().
constexpr CountryRow kCountries[] = {
    {"ad", "AND", "Andorra", "Andorra|Principality of Andorra"},
    {"ae", "ARE", "United Arab Emirates", "United Arab Emirates|UAE|U.A.E.|Emirati|Emirates"},
    {"af", "AFG", "Afghanistan", "Afghanistan|Islamic Republic of Afghanistan|Afghan|Afghani"},
    {"ag", "ATG", "Antigua and Barbuda", "Antigua and Barbuda"},
    {"ai", "AIA", "Anguilla", "Anguilla"},
    {"al", "ALB", "Albania", "Albania|Republic of Albania|Albanian"},
    {"am", "ARM", "Armenia", "Armenia|Republic of Armenia|Armenian"},
    {"an", "ANT", "Netherlands Antilles", "Netherlands Antilles"},
    {"ao", "AGO", "Angola", "Angola|Republic of Angola|Angolan"},
    {"aq", "ATA", "Antarctica", "Antarctica"},
    {"ar", "ARG", "Argentina", "Argentina|Argentine Republic|Argentine|Argentinian"},
    {"as", "ASM", "American Samoa", "American Samoa"},
    {"at", "AUT", "Austria", "Austria|Republic of Austria|Austrian"},
    {"au", "AUS", "Australia", "Australia|Australian"},
    {"aw", "ABW", "Aruba", "Aruba"},
    {"ax", "ALA", "Åland Islands", "Åland Islands"},
    {"az", "AZE", "Azerbaijan", "Azerbaijan|Republic of Azerbaijan|Azerbaijani|Azeri"},
    {"ba", "BIH", "Bosnia and Herzegovina",
     "Bosnia and Herzegovina|Republic of Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina|"
     "Bosina-Herzegovina|Bosnian|Bosnia Herzegovina"},
    {"bb", "BRB", "Barbados", "Barbados"},
    {"bd", "BGD", "Bangladesh", "Bangladesh|People's Republic of Bangladesh|Bangladeshi"},
    {"be", "BEL", "Belgium", "Belgium|Kingdom of Belgium|Belgian"},
    {"bf", "BFA", "Burkina Faso", "Burkina Faso|Burkinabe"},
    {"bg", "BGR", "Bulgaria", "Bulgaria|Republic of Bulgaria|Bulgarian"},
    {"bh", "BHR", "Bahrain", "Bahrain|Kingdom of Bahrain|Bahraini"},
    {"bi", "BDI", "Burundi", "Burundi|Republic of Burundi|Burundian"},
    {"bj", "BEN", "Benin", "Benin|Republic of Benin|Beninese"},
    {"bl", "BLM", "Saint Barthélemy", "Saint Barthélemy"},
    {"bm", "BMU", "Bermuda", "Bermuda"},
    {"bn", "BRN", "Brunei", "Brunei Darussalam|Brunei|Bruneian"},
    {"bo", "BOL", "Bolivia",
     "Bolivia, Plurinational State of|Plurinational State of Bolivia|Bolivia|Bolivian"},
    {"bq", "BES", "Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius and Saba"},
    {"br", "BRA", "Brazil", "Brazil|Federative Republic of Brazil|Brazilian"},
    {"bs", "BHS", "Bahamas", "Bahamas|Commonwealth of the Bahamas|Bahamas, The|Bahamian"},
    {"bt", "BTN", "Bhutan", "Bhutan|Kingdom of Bhutan|Bhutanese"},
    {"bv", "BVT", "Bouvet Island", "Bouvet Island"},
    {"bw", "BWA", "Botswana", "Botswana|Republic of Botswana|Motswana|Batswana|Botswanan"},
    {"by", "BLR", "Belarus", "Belarus|Republic of Belarus|Belarusian|Byelorussia|Belorussia"},
    {"bz", "BLZ", "Belize", "Belize|Belizean"},
    {"ca", "CAN", "Canada", "Canada|Canadian"},
    {"cc", "CCK", "Cocos (Keeling) Islands", "Cocos (Keeling) Islands"},
    {"cd", "COD", "DR Congo",
     "Congo, The Democratic Republic of the|Congo, Democratic Republic of the|"
     "Democratic Republic of the Congo|DRC|DR Congo|Congo-Kinshasa|Zaire"},
    {"cf", "CAF", "Central African Republic", "Central African Republic|Central African"},
    {"cg", "COG", "Congo",
     "Congo|Republic of the Congo|Congo, Republic of the|Congo-Brazzaville|"
     "Congo (Brazzaville)"},
    {"ch", "CHE", "Switzerland", "Switzerland|Swiss Confederation|Swiss"},
    {"ci", "CIV", "Côte d'Ivoire",
     "Côte d'Ivoire|Republic of Côte d'Ivoire|Cote d'Ivoire|Ivory Coast|Ivorian"},
    {"ck", "COK", "Cook Islands", "Cook Islands"},
    {"cl", "CHL", "Chile", "Chile|Republic of Chile|Chilean"},
    {"cm", "CMR", "Cameroon", "Cameroon|Republic of Cameroon|Cameroonian"},
    {"cn", "CHN", "China",
     "China|People's Republic of China|Chinese|PRC|China, People's Republic of|"
     "Mainland China"},
    {"co", "COL", "Colombia", "Colombia|Republic of Colombia|Colombian"},
    {"cr", "CRI", "Costa Rica", "Costa Rica|Republic of Costa Rica|Costa Rican"},
    {"cs", "SCG", "Serbia and Montenegro", "Serbia and Montenegro"},
    {"cu", "CUB", "Cuba", "Cuba|Republic of Cuba|Cuban"},
    {"cv", "CPV", "Cabo Verde", "Cabo Verde|Republic of Cabo Verde|Cape Verde|Cape Verdean"},
    {"cw", "CUW", "Curaçao", "Curaçao"},
    {"cx", "CXR", "Christmas Island", "Christmas Island"},
    {"cy", "CYP", "Cyprus", "Cyprus|Republic of Cyprus|Cypriot"},
    {"cz", "CZE", "Czechia", "Czechia|Czech Republic|Czech"},
    {"de", "DEU", "Germany", "Germany|Federal Republic of Germany|German"},
    {"dj", "DJI", "Djibouti", "Djibouti|Republic of Djibouti|Djiboutian"},
    {"dk", "DNK", "Denmark", "Denmark|Kingdom of Denmark|Danish|Dane"},
    {"dm", "DMA", "Dominica", "Dominica|Commonwealth of Dominica|Dominican (Dominica)"},
    {"do", "DOM", "Dominican Republic", "Dominican Republic|Dominican"},
    {"dz", "DZA", "Algeria", "Algeria|People's Democratic Republic of Algeria|Algerian"},
    {"ec", "ECU", "Ecuador", "Ecuador|Republic of Ecuador|Ecuadorian|Ecuadorean"},
    {"ee", "EST", "Estonia", "Estonia|Republic of Estonia|Estonian"},
    {"eg", "EGY", "Egypt", "Egypt|Arab Republic of Egypt|Egyptian"},
    {"eh", "ESH", "Western Sahara", "Western Sahara"},
    {"er", "ERI", "Eritrea", "Eritrea|the State of Eritrea|Eritrean"},
    {"es", "ESP", "Spain", "Spain|Kingdom of Spain|Spanish|Spaniard"},
    {"et", "ETH", "Ethiopia", "Ethiopia|Federal Democratic Republic of Ethiopia|Ethiopian"},
    {"fi", "FIN", "Finland", "Finland|Republic of Finland|Finnish|Finn"},
    {"fj", "FJI", "Fiji", "Fiji|Republic of Fiji|Fijian"},
    {"fk", "FLK", "Falkland Islands", "Falkland Islands (Malvinas)"},
    {"fm", "FSM", "Micronesia",
     "Micronesia, Federated States of|Federated States of Micronesia|Micronesia|"
     "Micronesian"},
    {"fo", "FRO", "Faroe Islands", "Faroe Islands"},
    {"fr", "FRA", "France", "France|French Republic|French"},
    {"ga", "GAB", "Gabon", "Gabon|Gabonese Republic|Gabonese"},
    {"gb", "GBR", "United Kingdom",
     "United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|U.K.|"
     "Great Britain|Britain|British|England|Scotland|Wales|Northern Ireland|English|"
     "Scottish|Welsh"},
    {"gd", "GRD", "Grenada", "Grenada"},
    {"ge", "GEO", "Georgia", "Georgia|Georgian"},
    {"gf", "GUF", "French Guiana", "French Guiana"},
    {"gg", "GGY", "Guernsey", "Guernsey"},
    {"gh", "GHA", "Ghana", "Ghana|Republic of Ghana|Ghanaian"},
    {"gi", "GIB", "Gibraltar", "Gibraltar"},
    {"gl", "GRL", "Greenland", "Greenland"},
    {"gm", "GMB", "Gambia", "Gambia|Republic of the Gambia|The Gambia|Gambian"},
    {"gn", "GIN", "Guinea", "Guinea|Republic of Guinea|Guinean"},
    {"gp", "GLP", "Guadeloupe", "Guadeloupe"},
    {"gq", "GNQ", "Equatorial Guinea",
     "Equatorial Guinea|Republic of Equatorial Guinea|Equatoguinean|Equatorial Guinean"},
    {"gr", "GRC", "Greece", "Greece|Hellenic Republic|Greek"},
    {"gs", "SGS", "South Georgia and the South Sandwich Islands",
     "South Georgia and the South Sandwich Islands"},
    {"gt", "GTM", "Guatemala", "Guatemala|Republic of Guatemala|Guatemalan"},
    {"gu", "GUM", "Guam", "Guam"},
    {"gw", "GNB", "Guinea-Bissau", "Guinea-Bissau|Republic of Guinea-Bissau|Bissau-Guinean"},
    {"gy", "GUY", "Guyana", "Guyana|Republic of Guyana|Guyanese"},
    {"hk", "HKG", "Hong Kong",
     "Hong Kong|Hong Kong Special Administrative Region of China|"
     "China, Hong Kong Special Administrative Region|Hong Kong SAR|Hong Kong, China|"
     "Hongkong|Hong Konger"},
    {"hm", "HMD", "Heard Island and McDonald Islands", "Heard Island and McDonald Islands"},
    {"hn", "HND", "Honduras", "Honduras|Republic of Honduras|Honduran"},
    {"hr", "HRV", "Croatia", "Croatia|Republic of Croatia|Croatian"},
    {"ht", "HTI", "Haiti", "Haiti|Republic of Haiti|Haitian"},
    {"hu", "HUN", "Hungary", "Hungary|Hungarian"},
    {"id", "IDN", "Indonesia", "Indonesia|Republic of Indonesia|Indonesian"},
    {"ie", "IRL", "Ireland", "Ireland|Irish"},
    {"il", "ISR", "Israel", "Israel|State of Israel|Israeli"},
    {"im", "IMN", "Isle of Man", "Isle of Man"},
    {"in", "IND", "India", "India|Republic of India|Indian"},
    {"io", "IOT", "British Indian Ocean Territory", "British Indian Ocean Territory"},
    {"iq", "IRQ", "Iraq", "Iraq|Republic of Iraq|Iraqi"},
    {"ir", "IRN", "Iran",
     "Iran, Islamic Republic of|Islamic Republic of Iran|Iran|Iran (Islamic Republic of)|"
     "Persia|Iranian"},
    {"is", "ISL", "Iceland", "Iceland|Republic of Iceland|Icelandic|Icelander"},
    {"it", "ITA", "Italy", "Italy|Italian Republic|Italian"},
    {"je", "JEY", "Jersey", "Jersey"},
    {"jm", "JAM", "Jamaica", "Jamaica|Jamaican"},
    {"jo", "JOR", "Jordan", "Jordan|Hashemite Kingdom of Jordan|Jordanian"},
    {"jp", "JPN", "Japan", "Japan|Japanese"},
    {"ke", "KEN", "Kenya", "Kenya|Republic of Kenya|Kenyan"},
    {"kg", "KGZ", "Kyrgyzstan", "Kyrgyzstan|Kyrgyz Republic|Kyrgyz|Kirghizia|Kyrgyzstani"},
    {"kh", "KHM", "Cambodia", "Cambodia|Kingdom of Cambodia|Cambodian"},
    {"ki", "KIR", "Kiribati", "Kiribati|Republic of Kiribati"},
    {"km", "COM", "Comoros", "Comoros|Union of the Comoros|Comorian|Comoros Islands"},
    {"kn", "KNA", "Saint Kitts and Nevis",
     "Saint Kitts and Nevis|St. Kitts and Nevis|Saint Kitts & Nevis|Kittitian|Nevisian"},
    {"kp", "PRK", "North Korea",
     "Korea, Democratic People's Republic of|Democratic People's Republic of Korea|"
     "North Korea|Korea, North|DPRK|D.P.R.K.|D.P.R. of Korea|North Korean|"
     "Korea, Democratic People's Republic of (North Korea)"},
    {"kr", "KOR", "South Korea",
     "Korea, Republic of|South Korea|Korea, South|Republic of Korea|ROK|South Korean"},
    {"kw", "KWT", "Kuwait", "Kuwait|State of Kuwait|Kuwaiti"},
    {"ky", "CYM", "Cayman Islands", "Cayman Islands|Caymanian"},
    {"kz", "KAZ", "Kazakhstan", "Kazakhstan|Republic of Kazakhstan|Kazakh|Kazakhstani"},
    {"la", "LAO", "Laos", "Lao People's Democratic Republic|Laos|Lao|Laotian"},
    {"lb", "LBN", "Lebanon", "Lebanon|Lebanese Republic|Lebanese"},
    {"lc", "LCA", "Saint Lucia", "Saint Lucia|St. Lucia|Saint Lucian"},
    {"li", "LIE", "Liechtenstein", "Liechtenstein|Principality of Liechtenstein|Liechtensteiner"},
    {"lk", "LKA", "Sri Lanka",
     "Sri Lanka|Democratic Socialist Republic of Sri Lanka|Sri Lankan|Ceylon"},
    {"lr", "LBR", "Liberia", "Liberia|Republic of Liberia|Liberian"},
    {"ls", "LSO", "Lesotho", "Lesotho|Kingdom of Lesotho|Basotho|Mosotho"},
    {"lt", "LTU", "Lithuania", "Lithuania|Republic of Lithuania|Lithuanian"},
    {"lu", "LUX", "Luxembourg", "Luxembourg|Grand Duchy of Luxembourg|Luxembourgish|Luxembourger"},
    {"lv", "LVA", "Latvia", "Latvia|Republic of Latvia|Latvian"},
    {"ly", "LBY", "Libya", "Libya|Libyan|Libyan Arab Jamahiriya"},
    {"ma", "MAR", "Morocco", "Morocco|Kingdom of Morocco|Moroccan"},
    {"mc", "MCO", "Monaco", "Monaco|Principality of Monaco|Monegasque|Monacan"},
    {"md", "MDA", "Moldova", "Moldova, Republic of|Republic of Moldova|Moldova|Moldovan"},
    {"me", "MNE", "Montenegro", "Montenegro|Montenegrin"},
    {"mf", "MAF", "Saint Martin (French part)", "Saint Martin (French part)"},
    {"mg", "MDG", "Madagascar", "Madagascar|Republic of Madagascar|Malagasy"},
    {"mh", "MHL", "Marshall Islands",
     "Marshall Islands|Republic of the Marshall Islands|Marshallese"},
    {"mk", "MKD", "North Macedonia",
     "North Macedonia|Republic of North Macedonia|Macedonia|"
     "Macedonia, The Former Yugoslav Republic of|"
     "The former Yugoslav Republic of Macedonia|North Macedonia, The Republic of|"
     "Macedonian|FYROM"},
    {"ml", "MLI", "Mali", "Mali|Republic of Mali|Malian"},
    {"mm", "MMR", "Myanmar", "Myanmar|Republic of Myanmar|Burma|Burmese|Myanmarese"},
    {"mn", "MNG", "Mongolia", "Mongolia|Mongolian"},
    {"mo", "MAC", "Macao",
     "Macao|Macao Special Administrative Region of China|Macau|"
     "China, Macao Special Administrative Region|Macanese"},
    {"mp", "MNP", "Northern Mariana Islands",
     "Northern Mariana Islands|Commonwealth of the Northern Mariana Islands"},
    {"mq", "MTQ", "Martinique", "Martinique"},
    {"mr", "MRT", "Mauritania", "Mauritania|Islamic Republic of Mauritania|Mauritanian"},
    {"ms", "MSR", "Montserrat", "Montserrat"},
    {"mt", "MLT", "Malta", "Malta|Republic of Malta|Maltese"},
    {"mu", "MUS", "Mauritius", "Mauritius|Republic of Mauritius|Mauritian"},
    {"mv", "MDV", "Maldives", "Maldives|Republic of Maldives|Maldivian"},
    {"mw", "MWI", "Malawi", "Malawi|Republic of Malawi|Malawian"},
    {"mx", "MEX", "Mexico", "Mexico|United Mexican States|Mexican"},
    {"my", "MYS", "Malaysia", "Malaysia|Malaysian"},
    {"mz", "MOZ", "Mozambique", "Mozambique|Republic of Mozambique|Mozambican"},
    {"na", "NAM", "Namibia", "Namibia|Republic of Namibia|Namibian"},
    {"nc", "NCL", "New Caledonia", "New Caledonia"},
    {"ne", "NER", "Niger", "Niger|Republic of the Niger|Nigerien"},
    {"nf", "NFK", "Norfolk Island", "Norfolk Island"},
    {"ng", "NGA", "Nigeria", "Nigeria|Federal Republic of Nigeria|Nigerian"},
    {"ni", "NIC", "Nicaragua", "Nicaragua|Republic of Nicaragua|Nicaraguan"},
    {"nl", "NLD", "Netherlands",
     "Netherlands|Kingdom of the Netherlands|Dutch|Holland|The Netherlands"},
    {"no", "NOR", "Norway", "Norway|Kingdom of Norway|Norwegian"},
    {"np", "NPL", "Nepal", "Nepal|Federal Democratic Republic of Nepal|Nepali|Nepalese"},
    {"nr", "NRU", "Nauru", "Nauru|Republic of Nauru"},
    {"nu", "NIU", "Niue", "Niue"},
    {"nz", "NZL", "New Zealand", "New Zealand|New Zealander"},
    {"om", "OMN", "Oman", "Oman|Sultanate of Oman|Omani"},
    {"pa", "PAN", "Panama", "Panama|Republic of Panama|Panamanian"},
    {"pe", "PER", "Peru", "Peru|Republic of Peru|Peruvian"},
    {"pf", "PYF", "French Polynesia", "French Polynesia"},
    {"pg", "PNG", "Papua New Guinea",
     "Papua New Guinea|Independent State of Papua New Guinea|Papua New Guinean"},
    {"ph", "PHL", "Philippines",
     "Philippines|Republic of the Philippines|Phillipines|Filipino|Philippine"},
    {"pk", "PAK", "Pakistan", "Pakistan|Islamic Republic of Pakistan|Pakistani"},
    {"pl", "POL", "Poland", "Poland|Republic of Poland|Polish|Pole"},
    {"pm", "SPM", "Saint Pierre and Miquelon", "Saint Pierre and Miquelon"},
    {"pn", "PCN", "Pitcairn", "Pitcairn"},
    {"pr", "PRI", "Puerto Rico", "Puerto Rico|Puerto Rican"},
    {"ps", "PSE", "Palestine",
     "Palestine, State of|the State of Palestine|Palestine|State of Palestine|Palestinian|"
     "Palestinian Territories|Palestinian Territory|Occupied Palestinian Territory|Gaza|"
     "Gaza Strip|West Bank|Palestinian Authority|Region: Gaza|Region: West Bank"},
    {"pt", "PRT", "Portugal", "Portugal|Portuguese Republic|Portuguese"},
    {"pw", "PLW", "Palau", "Palau|Republic of Palau|Palauan"},
    {"py", "PRY", "Paraguay", "Paraguay|Republic of Paraguay|Paraguayan"},
    {"qa", "QAT", "Qatar", "Qatar|State of Qatar|Qatari"},
    {"re", "REU", "Réunion", "Réunion"},
    {"ro", "ROU", "Romania", "Romania|Romanian"},
    {"rs", "SRB", "Serbia", "Serbia|Republic of Serbia|Serbian|Serb"},
    {"ru", "RUS", "Russia", "Russian Federation|Russia|Russian"},
    {"rw", "RWA", "Rwanda", "Rwanda|Rwandese Republic|Rwandan|Rwandese"},
    {"sa", "SAU", "Saudi Arabia", "Saudi Arabia|Kingdom of Saudi Arabia|Saudi|Saudi Arabian|KSA"},
    {"sb", "SLB", "Solomon Islands", "Solomon Islands"},
    {"sc", "SYC", "Seychelles", "Seychelles|Republic of Seychelles|Seychellois"},
    {"sd", "SDN", "Sudan", "Sudan|Republic of the Sudan|Sudanese"},
    {"se", "SWE", "Sweden", "Sweden|Kingdom of Sweden|Swedish|Swede"},
    {"sg", "SGP", "Singapore", "Singapore|Republic of Singapore|Singaporean"},
    {"sh", "SHN", "Saint Helena, Ascension and Tristan da Cunha",
     "Saint Helena, Ascension and Tristan da Cunha"},
    {"si", "SVN", "Slovenia", "Slovenia|Republic of Slovenia|Slovenian|Slovene"},
    {"sj", "SJM", "Svalbard and Jan Mayen", "Svalbard and Jan Mayen"},
    {"sk", "SVK", "Slovakia", "Slovakia|Slovak Republic|Slovak"},
    {"sl", "SLE", "Sierra Leone", "Sierra Leone|Republic of Sierra Leone|Sierra Leonean"},
    {"sm", "SMR", "San Marino", "San Marino|Republic of San Marino|Sammarinese"},
    {"sn", "SEN", "Senegal", "Senegal|Republic of Senegal|Senegalese"},
    {"so", "SOM", "Somalia", "Somalia|Federal Republic of Somalia|Somali|Somalian"},
    {"sr", "SUR", "Suriname", "Suriname|Republic of Suriname|Surinamese"},
    {"ss", "SSD", "South Sudan", "South Sudan|Republic of South Sudan|South Sudanese"},
    {"st", "STP", "Sao Tome and Principe",
     "Sao Tome and Principe|Democratic Republic of Sao Tome and Principe|Sao Tomean"},
    {"su", "SUN", "Soviet Union",
     "Soviet Union|USSR|U.S.S.R.|Former Soviet Union|Union of Soviet Socialist Republics"},
    {"sv", "SLV", "El Salvador", "El Salvador|Republic of El Salvador|Salvadoran|Salvadorean"},
    {"sx", "SXM", "Sint Maarten (Dutch part)", "Sint Maarten (Dutch part)"},
    {"sy", "SYR", "Syria", "Syrian Arab Republic|Syria|Syrian"},
    {"sz", "SWZ", "Eswatini", "Eswatini|Kingdom of Eswatini|Swaziland|Swazi"},
    {"tc", "TCA", "Turks and Caicos Islands", "Turks and Caicos Islands"},
    {"td", "TCD", "Chad", "Chad|Republic of Chad|Chadian"},
    {"tf", "ATF", "French Southern Territories", "French Southern Territories"},
    {"tg", "TGO", "Togo", "Togo|Togolese Republic|Togolese"},
    {"th", "THA", "Thailand", "Thailand|Kingdom of Thailand|Thai"},
    {"tj", "TJK", "Tajikistan", "Tajikistan|Republic of Tajikistan|Tajik|Tajikistani"},
    {"tk", "TKL", "Tokelau", "Tokelau"},
    {"tl", "TLS", "Timor-Leste",
     "Timor-Leste|Democratic Republic of Timor-Leste|East Timor|Timorese|Timor Leste"},
    {"tm", "TKM", "Turkmenistan", "Turkmenistan|Turkmen"},
    {"tn", "TUN", "Tunisia", "Tunisia|Republic of Tunisia|Tunisian"},
    {"to", "TON", "Tonga", "Tonga|Kingdom of Tonga"},
    {"tr", "TUR", "Turkey", "Türkiye|Republic of Türkiye|Turkey|Turkiye|Turkish|Turk"},
    {"tt", "TTO", "Trinidad and Tobago",
     "Trinidad and Tobago|Republic of Trinidad and Tobago|Trinidadian|Tobagonian"},
    {"tv", "TUV", "Tuvalu", "Tuvalu"},
    {"tw", "TWN", "Taiwan",
     "Taiwan, Province of China|Taiwan|Taiwanese|Republic of China|Chinese Taipei"},
    {"tz", "TZA", "Tanzania",
     "Tanzania, United Republic of|United Republic of Tanzania|Tanzania|Tanzanian"},
    {"ua", "UKR", "Ukraine", "Ukraine|Ukrainian"},
    {"ug", "UGA", "Uganda", "Uganda|Republic of Uganda|Ugandan"},
    {"um", "UMI", "United States Minor Outlying Islands", "United States Minor Outlying Islands"},
    {"us", "USA", "United States",
     "United States|United States of America|USA|U.S.A.|US|U.S.|America|American"},
    {"uy", "URY", "Uruguay", "Uruguay|Eastern Republic of Uruguay|Uruguayan"},
    {"uz", "UZB", "Uzbekistan", "Uzbekistan|Republic of Uzbekistan|Uzbek|Uzbekistani"},
    {"va", "VAT", "Vatican City", "Holy See (Vatican City State)|Vatican|Vatican City|Holy See"},
    {"vc", "VCT", "Saint Vincent and the Grenadines",
     "Saint Vincent and the Grenadines|St. Vincent and the Grenadines|Vincentian"},
    {"ve", "VEN", "Venezuela",
     "Venezuela, Bolivarian Republic of|Bolivarian Republic of Venezuela|Venezuela|"
     "Venezuelan"},
    {"vg", "VGB", "British Virgin Islands", "Virgin Islands, British|British Virgin Islands|BVI"},
    {"vi", "VIR", "US Virgin Islands",
     "Virgin Islands, U.S.|Virgin Islands of the United States|US Virgin Islands"},
    {"vn", "VNM", "Vietnam", "Viet Nam|Socialist Republic of Viet Nam|Vietnam|Vietnamese"},
    {"vu", "VUT", "Vanuatu", "Vanuatu|Republic of Vanuatu|Ni-Vanuatu"},
    {"wf", "WLF", "Wallis and Futuna", "Wallis and Futuna"},
    {"ws", "WSM", "Samoa", "Samoa|Independent State of Samoa|Samoan"},
    {"xk", "XKX", "Kosovo", "Kosovo|Republic of Kosovo|Kosovar|Kosovan"},
    {"ye", "YEM", "Yemen", "Yemen|Republic of Yemen|Yemeni"},
    {"yt", "MYT", "Mayotte", "Mayotte"},
    {"yu", "YUG", "Yugoslavia",
     "Yugoslavia|Former Yugoslavia|ex-Yugoslavia|Federal Republic of Yugoslavia"},
    {"za", "ZAF", "South Africa", "South Africa|Republic of South Africa|South African"},
    {"zm", "ZMB", "Zambia", "Zambia|Republic of Zambia|Zambian"},
    {"zw", "ZWE", "Zimbabwe", "Zimbabwe|Republic of Zimbabwe|Zimbabwean"},
};

// ASCII base letters for U+00C0..U+00FF and U+0100..U+017F; ' ' = not a letter.
constexpr std::string_view kLatin1Fold =
    "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTsaaaaaaaceeeeiiiidnooooo ouuuuyty";
constexpr std::string_view kLatinExtAFold =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOo"
    "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatin1Fold.size() == 64);
static_assert(kLatinExtAFold.size() == 128);

// The ASCII letter a 2-byte UTF-8 Latin letter folds to, or ' '.
char FoldLatin(unsigned code_point) {
  if (code_point >= 0xC0 && code_point < 0x100) return kLatin1Fold[code_point - 0xC0];
  if (code_point >= 0x100 && code_point < 0x180) return kLatinExtAFold[code_point - 0x100];
  return ' ';
}

// Splits `text` into lowercase ASCII words: letters and digits, accents
// folded; every other character separates words ("&" is the word "and").
std::vector<std::string> CountryWords(std::string_view text) {
  std::vector<std::string> words(1);
  auto push = [&words](char c) { words.back().push_back(c); };
  auto split = [&words] {
    if (!words.back().empty()) words.emplace_back();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (IsAsciiAlnum(c)) {
        push(AsciiLower(c));
      } else if (c == '.' || c == '\'') {
        continue;  // "U.S.A.", "Cote d'Ivoire": no word break
      } else {
        split();
        if (c == '&') {
          words.back() = "and";
          split();
        }
      }
      continue;
    }
    if (Utf8Char decoded = DecodeUtf8(text, i); decoded.length == 2) {
      ++i;
      char folded = FoldLatin(decoded.code_point);
      if (folded != ' ') {
        push(AsciiLower(static_cast<unsigned char>(folded)));
        continue;
      }
    }
    split();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Lookup key: the words joined without spaces, "the" dropped, "st" = "saint".
std::string CountryKey(std::string_view text) {
  std::string key;
  for (const std::string& word : CountryWords(text)) {
    if (word == "the") continue;
    key += word == "st" ? "saint" : word;
  }
  return key;
}

class CountryIndex {
 public:
  CountryIndex() {
    for (const CountryRow& row : kCountries) {
      by_key_.emplace(CountryKey(row.alpha2), row.alpha2);
      by_key_.emplace(CountryKey(row.alpha3), row.alpha2);
    }
    // Names win over codes ("Lao" is both).
    for (const CountryRow& row : kCountries) {
      std::string_view names = row.names;
      while (!names.empty()) {
        size_t bar = names.find('|');
        by_key_.insert_or_assign(CountryKey(names.substr(0, bar)), row.alpha2);
        names = bar == std::string_view::npos ? std::string_view() : names.substr(bar + 1);
      }
    }
  }

  std::string_view Find(std::string_view text) const { return FindKey(CountryKey(text)); }
  std::string_view FindKey(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? std::string_view() : it->second;
  }

 private:
  std::unordered_map<std::string, std::string_view> by_key_;
};

const CountryIndex& Index() {
  static const CountryIndex* const index = new CountryIndex();
  return *index;
}

// "N/A" and "n.a." are not Namibia ("NA").
bool IsNotAvailable(std::string_view text) {
  return CountryKey(text) == "na" && text.find_first_of("/.") != std::string_view::npos;
}

}  // namespace

std::string NormalizeCountry(std::string_view text) {
  if (IsNotAvailable(text)) return "";
  std::string_view found = Index().Find(text);
  size_t comma = text.find(',');
  if (found.empty() && comma != std::string_view::npos) {
    // Inverted the OFAC way: "Man, Isle of" is "Isle of Man".
    std::string swapped =
        std::string(text.substr(comma + 1)) + " " + std::string(text.substr(0, comma));
    found = Index().Find(swapped);
  }
  size_t paren = text.find('(');
  if (found.empty() && paren != std::string_view::npos && paren > 0) {
    // "Congolese (DRC)": try the part before "(".
    found = Index().Find(text.substr(0, paren));
  }
  return std::string(found);
}

namespace {

// Whether `text` ends with the word `word` (lowercase ASCII), any case,
// standing alone.
bool EndsWithWord(std::string_view text, std::string_view word) {
  if (text.size() < word.size() || !EqualsIgnoreCase(text.substr(text.size() - word.size()), word))
    return false;
  if (text.size() == word.size()) return true;
  unsigned char before = static_cast<unsigned char>(text[text.size() - word.size() - 1]);
  return !std::isalnum(before) && before < 0x80;
}

// Drops from the end of `text` what only led to a country's name: spaces
// and punctuation, then "the", then "of" / "in" / "for" ("Foreign Trade
// Bank of the" -> "Foreign Trade Bank").
void DropLeadIn(std::string& text) {
  auto trim = [&] {
    while (!text.empty() && (text.back() == ' ' || text.back() == ',' || text.back() == '-' ||
                             text.back() == '(' || text.back() == '/'))
      text.pop_back();
  };
  trim();
  if (EndsWithWord(text, "the")) text.resize(text.size() - 3);
  trim();
  for (std::string_view word : {"of", "in", "for"}) {
    if (EndsWithWord(text, word)) {
      text.resize(text.size() - word.size());
      break;
    }
  }
  trim();
}

}  // namespace

std::vector<CountryMention> CountryMentions(std::string_view name) {
  constexpr size_t kMaxWords = 7, kMinLetters = 4;
  struct Word {
    size_t begin, end;
    std::string key;  // CountryKey of the word
  };
  std::vector<Word> words;
  for (size_t i = 0; i < name.size();) {
    auto part = [&](size_t k) {
      unsigned char c = static_cast<unsigned char>(name[k]);
      return std::isalnum(c) || c == '\'' || c >= 0x80;
    };
    if (!part(i)) {
      ++i;
      continue;
    }
    size_t begin = i;
    while (i < name.size() && part(i)) ++i;
    // A phrase's key is its words' keys joined (CountryKey joins words), so
    // each word's key is computed once; no phrase of whole words reads as
    // "N/A", which takes a slash or a dot.
    words.push_back({begin, i, CountryKey(name.substr(begin, i - begin))});
  }
  std::vector<CountryMention> found;
  for (size_t i = 0; i < words.size();) {
    size_t taken = 0;
    for (size_t n = std::min(kMaxWords, words.size() - i); n >= 1 && taken == 0; --n) {
      size_t letters = n - 1;  // the spaces between the words
      std::string key;
      for (size_t k = i; k < i + n; ++k) {
        letters += words[k].end - words[k].begin;
        key += words[k].key;
      }
      if (letters < kMinLetters) continue;
      std::string_view code = Index().FindKey(key);
      if (code.empty()) continue;
      found.push_back({words[i].begin, words[i + n - 1].end, std::string(code)});
      taken = n;
    }
    i += taken > 0 ? taken : 1;
  }
  return found;
}

std::vector<std::string> CountriesNamedIn(std::string_view name) {
  std::vector<std::string> found;
  for (CountryMention& m : CountryMentions(name)) {
    if (std::find(found.begin(), found.end(), m.code) == found.end())
      found.push_back(std::move(m.code));
  }
  return found;
}

std::vector<std::string> CountriesNamedIn(const std::vector<Name>& names) {
  std::vector<std::string> out;
  for (const Name& n : names)
    for (std::string& code : CountriesNamedIn(n.value))
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
  return out;
}

std::string NameWithoutCountries(std::string_view name, std::vector<std::string>& codes) {
  std::vector<CountryMention> mentions = CountryMentions(name);
  if (mentions.empty()) return "";
  std::string out;
  size_t from = 0;
  for (CountryMention& m : mentions) {
    out.append(name.substr(from, m.begin - from));
    DropLeadIn(out);
    if (std::find(codes.begin(), codes.end(), m.code) == codes.end())
      codes.push_back(std::move(m.code));
    from = m.end;
  }
  out.append(name.substr(from));
  return out;
}

std::string CountryLabel(std::string_view iso2) {
  std::string code = CountryKey(iso2);
  for (const CountryRow& row : kCountries) {
    if (row.alpha2 == code) return std::string(row.label);
  }
  return std::string(iso2);
}

}  // namespace embargo
