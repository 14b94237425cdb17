// The PETRARCH/TABARI dictionaries in memory: actors, agents, verbs (with synsets and
// patterns) and discards, as parsed from their text formats by dict_reader.h.
//
// Words are stored upper-case, as the dictionaries write them; '_' joins of the source
// format are split into separate words. Every entry remembers its file and line so events
// can say which dictionary line produced them.
//
// Thread safety: immutable after loading; share one Dictionary between threads.
#ifndef EVENTCODER_DICT_DICTIONARY_H_
#define EVENTCODER_DICT_DICTIONARY_H_

#include <string>
#include <unordered_map>
#include <vector>

namespace eventcoder::dict {

// Where an entry came from.
struct Origin {
  std::string file;  // path as given to the loader
  int line = 0;      // 1-based
};

// A code valid on dates in [from, to], both inclusive, as yyyymmdd; 0 = unbounded.
// "[HOB < 950601]" is {HOB, 0, 19950531}; "[X > 990816]" is {X, 19990817, 0};
// "[X 19950601 - 19990815]" is {X, 19950601, 19990815}; "[X]" is {X, 0, 0}.
// Two-digit years are 19YY.
struct DatedCode {
  std::string code;
  int from = 0;
  int to = 0;
  bool restricted = false;  // true when the source gave a date restriction
  Origin origin;
};

// One actor: all its names ("ROOT" line and "+SYNONYM" lines) share its codes.
struct Actor {
  std::vector<std::vector<std::string>> names;  // names[0] is the root phrase
  // gaps[i][j]: other words may come before word j of names[i] (the source separated it by
  // a space, not '_'). Parallel to `names`; may be empty (no gaps anywhere).
  std::vector<std::vector<bool>> gaps;
  std::vector<DatedCode> codes;  // file order
  Origin origin;
  // name_lines[i]: the line of origin.file where names[i] is written. Parallel to `names`;
  // may be empty for actors built in code (then origin.line is the line of every name).
  std::vector<int> name_lines;
  // The code in force on `date` (yyyymmdd): the first restricted code whose range holds
  // the date, else the first unrestricted code, else "".
  const std::string& CodeOn(int date) const;
  // The entry CodeOn() takes its code from; nullptr when there is none.
  const DatedCode* CodeEntryOn(int date) const;
  // The line names[i] is written on.
  int NameLine(size_t i) const { return i < name_lines.size() ? name_lines[i] : origin.line; }
};

// An agent such as "FOREIGN MINISTER [~GOVFRM]": composes with an actor code.
struct Agent {
  std::vector<std::string> words;  // one form (singular or plural) of the phrase
  std::vector<bool> gaps;          // as Actor::gaps, for `words`; may be empty
  std::string code;                // without the '~', e.g. "GOVFRM"
  bool prefix = false;             // "[NGO~]": code goes before the actor's code
  Origin origin;
};

// A token of a verb pattern.
struct PatternToken {
  enum Kind {
    kWord,      // a literal word, e.g. "TIES"
    kSynset,    // "&TIETYPES": any phrase of the synset
    kSource,    // "$": the source actor
    kTarget,    // "+": the target actor
    kCompound,  // "%": a compound actor that is both source and target
    kSkipNoun,  // "^": skip one noun phrase
  };
  Kind kind = kWord;
  std::string text;     // the word or synset name (with '&'); empty for $ + % ^
  bool joined = false;  // joined to the NEXT token by '_': no words may come between
};

// "- SAID * TO ATTEND [082]": words before the verb (`before`, in reading order) and
// after it (`after`); `code` applies when the pattern matches; `paired` is the second
// code of "[032:033]" (an event in the opposite direction), or "".
struct Pattern {
  std::vector<PatternToken> before;
  std::vector<PatternToken> after;
  bool verb_joined_before = false;  // "X_*": the last `before` word touches the verb
  bool verb_joined_after = false;   // "*_X": the first `after` word touches the verb
  std::string code;
  std::string paired;
  std::string text;  // the pattern as written, for explanations
  Origin origin;
};

// One word sequence that names a verb of a block, e.g. {"BROKE"} or {"WIRE","TAPPED"}.
struct VerbForm {
  std::vector<std::string> words;
  size_t head = 0;   // index in `words` of the verb itself ("+" in "WIRE_+TAPPED")
  std::string code;  // "" = the block's code
  std::string paired;
  bool generated = false;  // an inflection we generated rather than one written out
  Origin origin;
};

// "--- BREAK [1717] ---" and the lines under it.
struct VerbBlock {
  std::string name;               // "BREAK"
  std::string code;               // "1717", or "---" for none
  std::string paired;             // second code of "[013:012]", or ""
  std::vector<VerbForm> forms;    // every written and generated form
  std::vector<Pattern> patterns;  // in file order
  Origin origin;
};

struct Synset {
  std::string name;                               // with the '&', e.g. "&TIETYPES"
  std::vector<std::vector<std::string>> phrases;  // members, each possibly multi-word
  Origin origin;
};

struct Discard {
  std::vector<std::string> words;
  bool story_level = false;  // "+WORD" lines discard the whole story
  Origin origin;
};

struct Dictionary {
  std::vector<Actor> actors;
  std::vector<Agent> agents;
  std::vector<VerbBlock> verbs;
  std::unordered_map<std::string, Synset> synsets;  // key "&NAME"
  std::vector<Discard> discards;
};

}  // namespace eventcoder::dict

#endif  // EVENTCODER_DICT_DICTIONARY_H_
