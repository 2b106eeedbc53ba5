// Toxicity cues (FR/EN), folded. STRONG cues are toxic wherever they appear (insults, slurs,
// threats, harassment). WEAK words ("idiot", "stupid", "con") are toxic only when aimed at a
// person ("t'es con", "you stupid", "bande de crétins"): "stupid app" is a complaint, not abuse.
export const STRONG_TOXIC: string[] = [
  // fr insults
  'connard*', 'connasse*', 'salope*', 'pute', 'putes', 'encule*', 'enfoire*', 'batard*', 'fdp',
  'fils de pute', 'ntm', 'nique ta mere', 'nique ta race', 'niquer ta mere', 'ta gueule',
  'ferme ta gueule', 'fermez vos gueules', 'va te faire', 'allez vous faire', 'va crever',
  'crevez', 'abruti*', 'cretin*', 'imbecile*', 'pauvre con', 'pauvre conne',
  'sous merde', 'grosse vache', 'grosse merde', 'petite merde', 'tocard*', 'trou du cul',
  'tete de noeud', 'casse toi', 'casse toi pauvre con', 'bouffon*', 'clochard*', 'pd', 'pede*', 'tapette*',
  'gouine*', 'bougnoul*', 'youpin*', 'negre*', 'bamboula', 'sale arabe', 'sale juif', 'sale noir',
  'sale pd', 'sale race', 'sale chien', 'sales chiens', 'sale con', 'sale conne', 'sale merde',
  'cassos',
  // fr threats
  'je vais te tuer', 'je vais vous tuer', 'je vais te retrouver', 'on va te retrouver',
  'je sais ou tu habites', 'je sais ou vous habitez', 'mort aux', 'je vais te defoncer',
  'je vais te buter', 'on va vous buter', 'on va te buter', 'brulez tous', 'il faut tous les tuer',
  'tu merites de mourir', 'tu vas le payer',
  // en insults
  'asshole*', 'bitch', 'bitches', 'cunt*', 'fuck you', 'fuck u', 'fuck off', 'stfu', 'shut the fuck up',
  'motherfucker*', 'dickhead*', 'douchebag*', 'twat*', 'wanker*', 'dumbass*', 'jackass*',
  'son of a bitch', 'piece of shit', 'retard', 'retards', 'retarded', 'scumbag*',
  'go to hell', 'go die', 'kys', 'kill yourself', 'nigger*', 'nigga*', 'faggot*', 'fag', 'fags',
  'tranny', 'trannies', 'kike*', 'spic', 'spics', 'chink*', 'whore*', 'slut*', 'bastard*',
  // en threats
  'i will kill you', "i'll kill you", 'ill kill you', 'i am going to kill you', 'gonna kill you',
  'i will find you', "i'll find you", 'i know where you live', 'you deserve to die',
  'hope you die', 'should be shot', 'death to', 'i will hurt you', 'watch your back',
];

/** Weak insults: toxic only after a "target" word. */
export const WEAK_TOXIC = [
  'con', 'cons', 'conne', 'connes', 'idiot', 'idiots', 'idiote', 'stupide', 'stupides',
  'incompetent', 'incompetents', 'debile', 'debiles', 'minable', 'minables', 'moche', 'laid', 'clown', 'clowns',
  'stupid', 'dumb', 'loser', 'losers', 'moron', 'morons', 'pathetic', 'ugly', 'fat', 'scum',
  'jerk', 'jerks', 'worthless', 'escroc', 'escrocs', 'voleurs', 'voleur', 'porc', 'porcs',
];

/** Words that aim the next word at a person. */
export const TARGETS = [
  "t'es", 'tu es', 'vous etes', 'vous etes des', 'espece de', 'bande de', 'sale', 'sales',
  "t'es qu'un", "t'es qu'une", "t'es vraiment", 'tu es vraiment', "c'est toi le", 'gros', 'grosse',
  'you', 'you are', "you're", 'youre', 'ur', 'u r', 'you are a', "you're a", 'youre a', 'u',
  'you are so', "you're so", 'such a', 'you stupid', 'what a', 'tas de', 'bunch of',
  'vous etes vraiment', 'vous etes que des', "vous n'etes que des", 'ce sont des',
  'your', 'you guys are',
];
