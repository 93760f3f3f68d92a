/**
 * The word lists every reader of speech shares, one of each: function words, words of concern, words of feeling,
 * the openers a listener uses to say back what they heard, and the checks that invite correction. Lower-case,
 * straight apostrophes.
 */

/** Words that carry no content of their own: pronouns, auxiliaries, fillers, very common verbs. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't
  as at be because been before being below between both but by can can't
  cannot could couldn't did didn't do does doesn't doing don't down during each few
  for from further get gets getting got had hadn't has hasn't have haven't having
  he he'd he'll he's her here here's hers herself him himself his how how's
  i i'd i'll i'm i've if in into is isn't it it's its itself
  just kind know let let's like lot maybe me mean mm mhm more most
  much must my myself no nor not now of off oh ok okay on
  once one only or other ought our ours ourselves out over own pretty quite
  really right said say says same she she'd she'll she's should shouldn't so some
  something sort such than that that's the their theirs them themselves then there there's
  these they they'd they'll they're they've thing things think this those though through to
  too uh um under until up us very was wasn't we we'd we'll we're
  we've well were weren't what what's when when's where where's which while who who's
  whom why why's will with won't would wouldn't yeah yes yep you you'd you'll
  you're you've your yours yourself yourselves gonna wanna going go goes went come came
  actually even still way want wanted need bit little lot lots dr mr mrs ms
  honestly basically literally seriously obviously definitely probably anyway anyways`.split(/\s+/),
);

/** Words and phrases of worry, doubt, trouble, disagreement or strain: what makes a turn a concern. */
export const CONCERN_WORDS: readonly string[] = [
  "worried",
  "worry",
  "worries",
  "concern",
  "concerned",
  "afraid",
  "scared",
  "nervous",
  "anxious",
  "stress",
  "stressed",
  "overwhelmed",
  "stretched",
  "burned out",
  "burnt out",
  "exhausted",
  "tired",
  "struggling",
  "struggle",
  "frustrated",
  "frustrating",
  "upset",
  "unhappy",
  "not sure",
  "unsure",
  "doubt",
  "i don't think",
  "i disagree",
  "don't agree",
  "problem",
  "issue",
  "risk",
  "risky",
  "fails",
  "failing",
  "broken",
  "too much",
  "i can't",
  "i cannot",
  "we can't",
  "difficult",
  "hard for me",
  "too hard",
  "i feel",
  "i'm feeling",
  "my family",
  "sick",
  "falling behind",
  "blocked",
  "stuck",
  "alone",
  "unfair",
  "confused",
  "pressure",
];

/** Words that name a feeling (or how hard something is): a reflection of feeling may be only one of these. */
export const FEELING_WORDS: ReadonlySet<string> = new Set(
  "afraid alone angry annoyed anxious ashamed confused difficult disappointed discouraged embarrassed excited exhausted fear frightened frustrated frustrating guilt guilty hard helpless hopeless hurt lonely lost nervous overwhelmed painful proud relieved sad scared scary stressed stressful stuck tired torn tough upset worried worry".split(
    " ",
  ),
);

/**
 * Words a listener uses when turning to how someone feels ("How does that feel?", "That sounds hard", "Are you
 * coping?"): a reply with one of these took up a feeling rather than moving on.
 */
export const FEELING_TALK_WORDS: ReadonlySet<string> = new Set(
  `feel feels felt feeling feelings emotion emotions emotional worry worried worries worrying scared scary scare scares
  afraid anxious nervous stress stressed stresses stressful overwhelm overwhelmed overwhelming frustrated frustrating
  frustration upset angry sad hurt hurts hurting hurtful guilt guilty ashamed embarrassed embarrassing embarrassment
  lonely alone hopeless disappointed disappointing disappointment unhappy exhausted exhausting exhaustion tired
  uncomfortable hard tough difficult struggle struggles struggling struggled cope coping`.split(/\s+/),
);

/**
 * Openers of a reflection (simple and complex), as motivational-interviewing practice writes them: paraphrase
 * openers, "part of you", double-sided ("on the one hand"), empathic guesses ("it must be"). Longest first.
 */
export const REFLECTIVE_OPENERS: readonly string[] = [
  "if i am understanding",
  "if i'm understanding",
  "what you've told me",
  "if i got that right",
  "you've been feeling",
  "what you're saying",
  "let me make sure i",
  "what i am hearing",
  "you're telling me",
  "on the other hand",
  "it seems like you",
  "it seems that you",
  "what i understood",
  "sounds as though",
  "what i'm hearing",
  "let me summarize",
  "let me make sure",
  "it sounds to me",
  "if i understand",
  "let me see if i",
  "on the one hand",
  "you are feeling",
  "it sounds like",
  "it seems to me",
  "if i heard you",
  "if i'm hearing",
  "you are saying",
  "in other words",
  "must have been",
  "i can see that",
  "so what i hear",
  "let me check i",
  "seems like you",
  "you're feeling",
  "it seems like",
  "it seems that",
  "it looks like",
  "you're saying",
  "it feels like",
  "i can imagine",
  "i'm sure that",
  "i can see how",
  "it sounds as",
  "sounds to me",
  "to summarize",
  "for you it's",
  "that must be",
  "so you don't",
  "so you think",
  "sounds like",
  "seems to me",
  "it seems as",
  "what i hear",
  "i'm hearing",
  "i hear that",
  "part of you",
  "on one hand",
  "i'm sure it",
  "so you have",
  "so you feel",
  "so you want",
  "seems like",
  "looks like",
  "i hear you",
  "so for you",
  "it must be",
  "i can tell",
  "so you are",
  "i imagine",
  "you sound",
  "so you're",
  "so you've",
  "so you do",
  "you feel",
  "you mean",
  "i bet",
];

/** Openers about the other person's feeling, wanting or thinking ("you feel", "you'd rather"). Longest first. */
export const YOU_OPENERS: readonly string[] = [
  "you seem",
  "you sound",
  "you feel",
  "you're feeling",
  "you are feeling",
  "you've been feeling",
  "you felt",
  "you mean",
  "you're not sure",
  "you're wondering",
  "you're worried",
  "you're concerned",
  "you're afraid",
  "you're scared",
  "you'd like",
  "you would like",
  "you'd rather",
  "you really want",
  "you want",
  "you don't want",
  "you're thinking",
  "you've noticed",
  "you've decided",
  "you've been",
  "you're really",
  "you're kind of",
  "you've got a lot",
  "you have a lot",
  "you've tried",
  "it's been hard",
  "it's been difficult",
  "it's been tough",
  "that's been hard",
  "that's been difficult",
  "it's important to you",
  "that's important to you",
];

/** A check that invites correction: the second half of "looping". */
export const CHECK_PHRASES: readonly string[] = [
  "did i get that right",
  "did i get it right",
  "is that right",
  "have i got that right",
  "am i right",
  "is that it",
  "is that what you mean",
  "is that what you're saying",
  "did i miss anything",
  "did i understand",
  "does that sound right",
  "is that fair",
  "fair to say",
  "right?",
];
