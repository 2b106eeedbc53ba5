// Frequent function words per language (folded: lower-case, no accents). Words shared by two
// languages are kept where they are most frequent and weighted down by the detector.
export const STOPWORDS: Record<string, string[]> = {
  fr: ('le la les de des du un une en et est sont pour dans sur avec pas que qui ce cette ces il elle ils ' +
    "nous vous je tu on au aux mais ou donc car ne plus tres tout tous toute sa son ses leur leurs " +
    "mon ma mes ton ta tes votre vos notre nos c' l' d' j' qu' n' s' m' y a ete etre avoir fait " +
    'faire comme bien aussi deja encore merci bonjour salut quand quoi pourquoi comment rien ' +
    'sans chez entre depuis avant apres toujours jamais peut dit oui non alors meme cest jai ca ' +
    'voila vraiment trop toi moi t\' lui eux quel quelle ai avez avons suis es sommes etes etait sera').split(' '),
  en: ("the and is are was were to of in for on with that this it you i he she they we be have " +
    "has had not but or at by from an as do does did so if my your our their his her its me " +
    "what which who when where why how there here just can will would should could about all " +
    "been more one out up no yes thanks thank please hi hello get got like really very it's " +
    "i'm don't can't im dont doesnt didnt isnt wont cant them than then too also any some " +
    "am being because into over only these those").split(' '),
  nl: ('de het een en is van in op te dat die niet met voor zijn er maar om ook als aan bij ' +
    'nog wat wel dan ze zij hij ik je jij we wij mijn uw jullie hoe waar waarom wanneer geen ' +
    'heb hebben heeft was waren kan kunnen moet wordt worden naar uit over dit deze ons onze ' +
    'bedankt dank alstublieft graag goed heel erg veel zeer hallo hoi').split(' '),
  de: ('der die das und ist sind nicht mit fur auf dem den des ein eine einen einem zu von im ' +
    'ich du er sie es wir ihr sie mein meine dein sein ihre unser auch aber oder wenn wie was ' +
    'wo warum wann noch nur schon sehr gut danke bitte hallo ja nein kein keine haben hat habe ' +
    'war waren wird werden kann konnen muss mussen bei nach aus uber diese dieser dieses uns ' +
    'mir mich dich dir sich').split(' '),
  es: ('el la los las de del y es son en por para con no que un una unos unas se su sus al lo ' +
    'como mas pero muy ya yo tu el ella nosotros ustedes ellos mi mis tu tus este esta estos ' +
    'estas eso esto hay ser estar tiene tengo tienen hola gracias bueno buena donde cuando ' +
    'porque por que tambien todo todos nada siempre nunca fue era estan esta sin sobre').split(' '),
  it: ('il lo la gli le di del della dei delle e un una uno che non per con sono sei siamo ' +
    'questo questa quello come ma anche molto grazie ciao buongiorno io tu lui lei noi voi loro ' +
    'mio mia suo sua nel nella alla dal dalla cosa perche quando dove ho hai ha abbiamo').split(' '),
  pt: ('o a os as de do da dos das e um uma que nao para com por em no na nos nas se seu sua ' +
    'mais muito obrigado obrigada ola voce eu ele ela nos eles meu minha isso isto esta estao ' +
    'foi ser ter tem tenho como mas tambem quando onde porque sim bom boa').split(' '),
};
