#include "text/hanja.h"

#include <unordered_map>

#include "common/utf8.h"

namespace embargo::text {
namespace {

// Pairs of (Hanja, Hangul), in traditional and simplified forms where they
// differ.
constexpr std::u32string_view kFamilyNames =
    U"金김李리朴박崔최鄭정郑정姜강趙조赵조尹윤張장张장林림韓한韩한吳오吴오申신徐서權권权권"
    U"黃황黄황安안宋송柳류劉류刘류南남沈심盧로卢로河하丁정成성車차车차具구禹우朱주任임田전"
    U"閔민闵민玄현太태池지延연千천方방孔공康강玉옥卓탁奇기石석明명裵배裴배房방魯로鲁로馬마"
    U"马마秋추元원桂계都도邊변边변呂려吕려廉렴羅라罗라陸륙陆륙龍룡龙룡薛설蔡채表표梁량全전"
    U"高고文문白백孫손孙손許허许허吉길周주洪홍嚴엄严엄韋위韦위";

constexpr std::u32string_view kGivenNames =
    U"正정恩은日일成성哲철浩호鎬호镐호永영英영榮영荣영龍룡龙룡男남南남一일光광國국国국明명"
    U"淑숙賢현贤현秀수洙수植식碩석硕석錫석锡석勇용容용春춘學학学학德덕泰태鐵철铁철俊준峻준"
    U"敏민珉민鎭진镇진鎮진珍진振진善선先선仙선元원源원基기奇기起기東동东동同동道도斗두相상"
    U"尙상尚상祥상萬만万만滿만满만文문武무玉옥雄웅雲운云운運운运운允윤潤윤润윤仁인寅인載재"
    U"载재在재宰재貞정贞정廷정鍾종钟종鐘종宗종周주柱주志지智지昌창昶창天천千천淸청清청忠충"
    U"致치澤택泽택河하漢한汉한翰한海해亨형炯형衡형虎호洪홍華화华화和화煥환焕환孝효勳훈勋훈"
    U"熙희姬희姫희希희喜희革혁赫혁興흥兴흥景경京경慶경庆경敬경桂계根근吉길洛락樂락乐락烈렬"
    U"列렬禮례礼례祿록禄록倫륜伦륜律률利리林림立립秉병炳병福복鳳봉凤봉奉봉富부斌빈彬빈山산"
    U"三삼雪설誠성诚성聖성圣성星성盛성世세松송守수壽수寿수順순顺순淳순舜순勝승胜승承승時시"
    U"时시信신新신實실实실心심岩암巖암愛애爱애良량亮량彦언淵연渊연然연泳영五오午오完완旺왕"
    U"宇우友우雨우郁욱旭욱月월有유裕유銀은银은殷은乙을義의义의益익子자章장長장长장全전靜정"
    U"静정鼎정濟제济제祚조中중重중增증之지枝지眞진真진晉진晋진燦찬灿찬贊찬赞찬彩채采채徹철"
    U"彻철靑청青청草초出출七칠太태平평杓표必필鶴학鹤학咸함恒항幸행憲헌宪헌鉉현铉현玄현好호"
    U"弘홍花화會회会회厚후輝휘辉휘欽흠钦흠哲철日일大대泰태在재植식秉병基기範범范범敏민石석"
    U"豪호皓호昊호洙수植식錦금锦금今금琴금女녀妍연蓮련莲련美미玟민蘭란兰란香향淑숙順순貞정"
    U"賢현仁인愛애實실姬희熙희珠주與여与여汝여麗려丽려";

std::unordered_map<char32_t, char32_t> BuildMap(std::u32string_view pairs) {
  std::unordered_map<char32_t, char32_t> map;
  for (size_t i = 0; i + 1 < pairs.size(); i += 2) map.emplace(pairs[i], pairs[i + 1]);
  return map;
}

}  // namespace

std::string KoreanReadingOfHanja(std::string_view name) {
  static const auto* family = new std::unordered_map<char32_t, char32_t>(BuildMap(kFamilyNames));
  static const auto* given = new std::unordered_map<char32_t, char32_t>(BuildMap(kGivenNames));
  std::u32string hangul;
  for (size_t i = 0; i < name.size();) {
    Utf8Char c = DecodeUtf8(name, i);
    if (c.length == 0) return "";
    i += c.length;
    if (c.code_point == U' ' || c.code_point == 0x00B7 || c.code_point == 0x30FB ||
        c.code_point == 0x3000)
      continue;  // a space, a middle dot
    const auto& map = hangul.empty() ? *family : *given;
    auto it = map.find(c.code_point);
    if (it == map.end()) return "";
    hangul.push_back(it->second);
  }
  if (hangul.size() < 2 || hangul.size() > 4) return "";
  std::string out;
  for (char32_t c : hangul) AppendUtf8(out, c);
  return out;
}

}  // namespace embargo::text
