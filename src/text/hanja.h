// A Korean name written in Han characters (Hanja), as Chinese and Japanese
// sources write DPRK and South Korean names (金正恩 Kim Jong Un, 李英浩 Ri
// Yong Ho, 朴奉珠 Pak Pong Ju), read in Korean: the romaniser reads Han as
// Mandarin (jin zheng en), which no list's spelling of a Korean name
// follows. A name qualifies when it is two to four Han characters (spaces
// and middle dots aside), the first a common Korean family name and every
// other in the table of characters Korean given names use; it is read as
// the Hangul the North writes (李 리, 林 림, 柳 류: the initial-sound rule
// is the South's, and the matcher reads 리 and 이 alike). Chinese names
// that meet the test get a second, Korean reading too: the matcher's
// syllable rules decide whether it names anyone. Pure function;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo::text {

// The Hangul reading of `name` (UTF-8) when it reads as a Korean name in
// Hanja, else "".
std::string KoreanReadingOfHanja(std::string_view name);

}  // namespace embargo::text
