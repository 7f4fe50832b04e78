using System.Text.RegularExpressions;
using static MentorFunctions.Core.Safety.DistressLexicon;
using static MentorFunctions.Core.Safety.DistressKind;
using static MentorFunctions.Core.Safety.PatternContext;

namespace MentorFunctions.Core.Safety;

/// <summary>German distress patterns; umlauts read as "ae", "oe", "ue" and ß as "ss", so both spellings meet.</summary>
internal static partial class GermanDistress
{
    private const string Abuser = @"(mein (vater|papa|stiefvater|onkel|bruder|stiefbruder|cousin|opa|grossvater|freund|partner|mann|ex|trainer|lehrer|nachbar|chef)|meine (mutter|mama|stiefmutter|tante|schwester|cousine|oma|grossmutter|freundin|partnerin|frau|ex|trainerin|lehrerin|nachbarin)|meine eltern|er|sie|jemand|ein (mann|erwachsener|typ|fremder)|eine (frau|fremde)|der freund meiner mutter)";
    private const string Target = @"(ihn|sie|jemanden|alle|euch|meinen \w+|meine \w+|die ganze klasse|die \w+|den \w+|diese \w+|die|den|diese|denen|jeden)";

    public static DistressLexicon Lexicon { get; } = new()
    {
        Language = "de",
        Prepare = Colloquial,
        NegationInsideMatch = true,
        Fiction = R(@"\b(figur|charakter|roman|film|serie|lied|song|gedicht|liedtext|songtext|protagonist|protagonistin|hauptfigur|boesewicht|erzaehler|fanfiction|fanfic|rollenspiel|videospiel|im spiel|szene|drehbuch|kapitel|handlung|anime|manga|comic|doku|dokumentation|fiktion|hypothetisch|zitat|aufsatz ueber|referat ueber|hausarbeit ueber|projekt ueber|praesentation ueber|praevention|aufklaerung|statistik|statistiken|in der geschichte|die geschichte die ich|im buch|das buch|ein buch|theaterstueck|singt|saenger|saengerin|rapper)\b"),
        Assignment = R(@"\b(fuer|in) (mein|meine|meinen|das|die|den|ein|eine|einen|dieses|diese) (referat|aufsatz|hausaufgabe|hausaufgaben|hausarbeit|projekt|praesentation|klausur|unterricht|deutschunterricht|buchvorstellung)\b"),
        Reporter = R(@"\b((mein|meine) (beste |bester |guter |gute )?(freund|freundin|kumpel|klassenkamerad|klassenkameradin|bruder|schwester|cousin|cousine|mutter|vater)|(ein|eine) (maedchen|junge|mitschueler|mitschuelerin|freundin|freund) aus (meiner )?(klasse|schule)|jemand den ich kenne) (\w+ ){0,2}(hat mir gesagt|hat gesagt|sagt|sagte|meinte|meint|schrieb|hat (mir )?geschrieben|erzaehlt|hat (mir )?erzaehlt|schreibt|will|hat versucht|versucht)\b"),
        SelfRelate = R(@"\b(so fuehle ich mich( auch)?|genau wie ich|ich auch|mir geht es genauso|mir gehts genauso|im echten leben|in echt|ich meine es ernst|es geht um mich)\b"),
        Hyperbole = R(
            @"\b(lach|lache|lachen|lachte) (mich|uns) (\w+ )?(tot|kaputt|schlapp)\b|\bzu tode (gelangweilt|erschrocken|genervt)\b|\b(sterbe|sterben|sterb) (vor|gleich vor) (hunger|langeweile|lachen|scham|durst|hitze|kaelte|neugier)\b" +
            @"|\b(das|der|die|dieses|diese|dieser|es) (\w+ ){0,2}(bringt|bringen|macht|machen) mich (noch )?(um|fertig|kaputt)\b" +
            @"|\b(meine mutter|mein vater|meine eltern|mein lehrer|meine lehrerin|mein chef|meine mama|mein papa|meine oma) (bringt|bringen|wird|werden|killt) mich (\w+ )?(um|umbringen|killen)\b" +
            @"|\blieber (tot|sterben) als\b|\bzeit totschlagen\b|\bkeine panik\b|\b(prozess|programm|thread|server|app) (killen|abschiessen|beenden|stirbt|ist gestorben)\b|\bhaare (schneiden|geschnitten)\b"),
        Negator = R(@"\b(nicht|nie|niemals|kein|keine|keinen|keinesfalls)\b"),
        Hedge = R(@"\b(noch|vorerst|glaube|denke|vielleicht|wahrscheinlich|weiss nicht|weiss es nicht|versprochen)\b"),
        Accident = R(@"\b(beim kochen|kochen|aus versehen|versehentlich|unfall|beim sport|fussball|training|gestolpert|hingefallen|gestuerzt|beim rasieren|kuechenmesser|beim laufen|sport|fahrrad|herd|ofen|sportunterricht|papier|glas|blatt)\b"),
        Deliberate = R(@"\b(absichtlich|mit absicht|wieder|schon wieder|um (etwas )?zu fuehlen|ich verdiene es)\b"),
        Joke = R(@"\b(weil|wenn) (er|sie) (meine|mein|meinen|nochmal|noch einmal|wieder)\b|\bfuer (das|mein|meine) (essen|pizza|handy)\b|" + Laughter),
        Grievance = R(@"\b(hat|haben) (mir )?(meine|mein|meinen|mein letztes|meine letzte|alle meine|unsere) (\w+ ){0,2}(chips|pommes|pizza|essen|suessigkeiten|schokolade|kuchen|kekse|pausenbrot|ladekabel|ladegeraet|handy|kopfhoerer|klamotten|pulli|hoodie|shirt|spiel|controller|platz|stift|heft|hausaufgaben|sachen|eis) (\w+ ){0,2}(gegessen|aufgegessen|genommen|weggenommen|kaputt gemacht|geklaut|gestohlen|benutzt|getrunken|verloren|geloescht|versteckt)\b"),
        Past = R(@"\b(vor (jahren|monaten|langer zeit|\d+ jahren)|frueher|als ich (klein|juenger|ein kind) war|letztes jahr|damals|jetzt geht es mir (gut|besser)|inzwischen geht es)\b"),
        Patterns =
        [
            P(Suicide, Negatable, @"\b(mich (umbringen|umzubringen|toeten|zu toeten|erhaengen|aufhaengen|erschiessen|vergiften|ertraenken)|bringe? mich (\w+ ){0,2}um|selbstmord|suizid\w*|freitod|mir das leben (nehmen|zu nehmen)|nehme mir (\w+ )?das leben|meinem leben ein ende (setzen|machen|bereiten|zu setzen)|alles beenden|dem (ganzen|allem) ein ende (setzen|machen))\b"),
            P(Suicide, Negatable, @"\b(will|moechte|wuerde (gern|gerne|lieber)|werde|wuensche mir|wuensche mir,|sehne mich danach|denke daran|denke darueber nach) (\w+ ){0,2}(zu )?(sterben|tot (zu )?sein|fuer immer (zu )?verschwinden|einschlafen und nicht mehr aufwachen|nicht mehr (zu )?existieren)\b"),
            P(Suicide, Absolute, @"\b(will|moechte|mag|kann|wuerde (gern|gerne|lieber)) (\w+ ){0,2}nicht mehr (leben|aufwachen|da sein|existieren|weiterleben|hier sein|weitermachen)\b|\b(einschlafen|schlafen) und (nie|nicht) (mehr|wieder) aufwachen\b|\bkeine (lust|kraft) mehr (zu leben|auf das leben|aufs leben|auf mein leben|zum leben)\b"),
            P(Suicide, Absolute, @"\bkeinen (sinn|grund) (mehr )?(zu leben|zum leben|weiterzuleben|im leben)\b|\b(das|mein) leben (hat|macht|ergibt) (fuer mich )?keinen sinn( mehr)?\b|\bmein leben ist (nichts|nichts mehr|nicht) (mehr )?wert\b|\bwozu (noch )?leben\b"),
            P(Suicide, Absolute, @"\b(alle|jeder|meine familie|meine eltern|ihr) (waere|waeren|ware|waren|wuerde|wuerden) (\w+ ){0,2}(ohne mich besser dran|besser dran ohne mich|ohne mich gluecklicher|gluecklicher ohne mich|ohne mich besser)\b|\bes waere besser,? wenn (es mich nicht gaebe|ich nicht mehr da waere|ich tot waere)\b"),
            P(Suicide, Absolute, @"\b(es )?waere (besser|am besten),? (\w+ )?(nicht (mehr )?zu existieren|tot zu sein|nicht (mehr )?da zu sein|zu sterben|nie geboren worden zu sein)\b|\bkeinen sinn mehr in (allem|nichts)\b.{0,40}\b(verschwinden|sterben|umbringen)\b"),
            P(Suicide, Absolute, @"\bniemand wuerde (mich )?(vermissen|merken|bemerken)\b|\b(ich waere|waer ich|waere ich) (lieber |doch |einfach )?tot\b|\bich wuenschte,? ich (waere nie geboren|waere nicht geboren|waere tot|koennte (einfach )?verschwinden|wuerde nicht mehr aufwachen)\b"),
            P(Suicide, Negatable, @"\bich bin (nur |bloss )?(eine )?last (fuer|fur)?\b"),
            P(Suicide, Negatable, @"\b((so|etwa|ungefaehr|circa|bestimmt|fast|ueber|mehr als) )?(alle|viele|ganz viele|zu viele|eine ganze packung|die ganze packung|eine packung|einen haufen|\d{2,}|zehn|zwoelf|fuenfzehn|zwanzig|dreissig|vierzig|fuenfzig) (\w+ ){0,2}(tabletten|pillen|medikamente|schlaftabletten)\b.{0,40}\b(nehmen|schlucken|genommen|geschluckt|eingeworfen)\b(?!.{0,30}\b(jeden (morgen|tag|abend)|wie verschrieben|wie der arzt)\b)|\bueberdosis\b"),
            P(Suicide, Negatable, @"\b(von (der|einer) (bruecke|dach|hochhaus)|vom (dach|hochhaus|balkon)|vor (den|einen) zug|aus dem fenster) (zu )?(springen|werfen|stuerzen)\b"),
            P(Suicide, Negatable | Reported, @"\b(sich (umbringen|das leben nehmen|umzubringen|toeten)|bringt sich um|hat sich umgebracht|will sterben|will sich umbringen)\b"),
            P(Suicide, Absolute, @"\b(abschiedsbrief|abschiedsbriefe|abschiedsnachricht|abschiedszettel)\b(?! (an|fuer) (unsere|unseren|unser|die|den|meine|meinen) ?(lehrer\w*|klasse|trainer\w*|direktor\w*|rektor\w*|mitschueler\w*|team|mannschaft))"),
            // Two weaker signs together: wanting it all to stop, and not being able to go on.
            P(Suicide, Absolute, @"\b(will|moechte|wuensche mir|wuenschte)( \w+){0,4},? dass (alles|das alles|es) (\w+ ){0,2}(aufhoert|vorbei ist|endet)\b.{0,60}\bkann nicht mehr\b|\bkann nicht mehr\b.{0,60}\b(will|moechte|wuensche mir)( \w+){0,4},? dass (alles|das alles|es) (\w+ ){0,2}(aufhoert|vorbei ist|endet)\b|\bdass (alles|es) (\w+ ){0,2}(fuer immer|endgueltig) (aufhoert|vorbei ist|endet)\b|\bdass (alles|es) (aufhoert|vorbei ist|endet),? (fuer immer|endgueltig)\b|\bwill nur noch,? dass (alles|es) aufhoert\b"),
            P(SelfHarm, Negatable | Accidental, @"\b(ritze mich|ritzen|geritzt|mich ritzen|mich schneiden|schneide mich|habe mich (\w+ ){0,3}(selbst )?(geschnitten|geritzt|verbrannt)|mich (selbst )?verletzen|verletze mich( selbst)?|habe mich (selbst )?verletzt|selbstverletz\w*|mir (selbst )?weh (tun|zu tun|getan)|tue mir (selbst )?weh|tu mir (selbst )?weh|schneide mir (\w+ ){0,3}(arme|arm|handgelenke|beine|haut) (auf|ein)|mich verbrennen|verbrenne mich|mich schlagen|schlage mich)\b"),
            P(SelfHarm, Negatable, @"\b(wieder angefangen|angefangen|drang|druck|lust|aufhoeren) (mich )?(zu ritzen|zu schneiden|mich zu ritzen|mich zu verletzen|mir weh zu tun)\b"),
            P(SelfHarm, Current, @"\b(arme|arm|handgelenke|handgelenk|beine|oberschenkel|haut|bauch)\b (\w+ )?(sind |ist )?(voller|voll mit|voll von|uebersaet mit) ((schnitte|schnitten|narben|schnittwunden)\b|(kratzer|brandwunden)\b(?!.*\b(katze|katzen|kater|hund|hunde|fussball|sonne|sonnenbrand|strand|hingefallen|gestuerzt|garten|dornen|rosen|kochen|training|wandern|klettern|fahrrad)\b))"),
            P(SelfHarm, Negatable | Reported, @"\bsich (ritzen|ritzt|selbst verletzen|verletzt sich)\b"),
            P(Abuse, Negatable, @"\b" + Abuser + @"( (?!im\b|beim\b|in\b)\w+){0,3} (schlaegt|schlug|verpruegelt|missbraucht|misshandelt|vergewaltigt|bedroht|wuergt|wuergte|beruehrt|begrapscht|betatscht|sperrt|tritt|trat|quaelt|zwingt|haut) mich\b(?!( \w+){0,2} (im|beim|in|bei) (schach|spiel|rennen|match|tennis|tischtennis|fifa|fussball|wettkampf|karten|uno|mario))"),
            P(Abuse, Negatable, @"\b(hat|haben) mich( (?!im\b|beim\b)\w+){0,3} (geschlagen|verpruegelt|missbraucht|misshandelt|vergewaltigt|bedroht|gewuergt|angefasst|begrapscht|eingesperrt|getreten|gezwungen|betatscht)\b|\b(fasst|fasste|fasst mir) (mich|mir)( \w+){0,3} an\b"),
            P(Abuse, Negatable, @"\bich (werde|wurde|bin) (\w+ ){0,2}(geschlagen|verpruegelt|missbraucht|misshandelt|vergewaltigt|bedroht|begrapscht|sexuell belaestigt|angefasst)( worden)?\b"),
            P(Abuse, Absolute, @"\b(mein (onkel|stiefvater|trainer|lehrer|nachbar|cousin|opa|chef)|ein (erwachsener|mann|aelterer))\b.{0,60}\b((darf|soll|duerfe|solle) (es |das )?(keinem|niemandem) (\w+ )?(sagen|erzaehlen)|unser (kleines )?geheimnis)\b"),
            P(Abuse, Absolute, @"\b(sexueller |sexuelle |sexuellen )?(missbrauch|misshandlung|vergewaltigung)\b|\bsexuelle (belaestigung|gewalt)\b|\bhaeusliche gewalt\b|\bunser (kleines )?geheimnis\b|\b(darf|soll) (es )?niemandem (davon )?(erzaehlen|sagen)\b.{0,40}\b(anfassen|angefasst|fotos|koerper)\b"),
            P(Abuse, Absolute, @"\b(zu hause|daheim|zuhause) nicht (mehr )?sicher\b|\b(fuehle mich|bin) (zu hause|daheim|zuhause|bei ihm|bei ihr) nicht (mehr )?sicher\b|\bangst,? (nach hause|heim) zu (gehen|kommen)\b|\bangst vor meinem (vater|stiefvater|freund|onkel|bruder)\b|\bangst vor meiner (mutter|stiefmutter|freundin)\b"),
            P(Abuse, Absolute, @"\bdroh\w*\b.{0,40}\b(bilder|fotos|videos|nacktbilder|nacktfotos|nudes)\b.{0,30}\b(posten|teilen|veroeffentlichen|verschicken|schicken|zeigen|rumschicken|hochladen)\b|\b(will|verlangt|fordert|draengt mich zu)\b.{0,30}\b(nacktbilder|nacktfotos|nudes|nackte fotos|nackte bilder)\b"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\b(werde|will|moechte|plane|denke daran,?) (\w+ ){0,2}" + Target + @" (\w+ ){0,2}(umbringen|umzubringen|toeten|zu toeten|erstechen|abstechen|erschiessen|verletzen|angreifen|verpruegeln|vergiften|abknallen)\b"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\b(werde|will|moechte|plane) (alle|jeden|jemanden|sie alle|euch alle) (\w+ ){0,4}(umbringen|toeten|erstechen|abstechen|erschiessen|abknallen)\b"),
            P(Violence, Negatable, @"\b(waffe|messer|pistole|gewehr|knarre)\b.{0,30}\b(in die|mit in die|zur|mit zur|in der) (schule|klasse|uni)\b"),
            P(Violence, Negatable, @"\b(will|wollen|wird|werden|hat gedroht,?|haben gedroht,?|droht|drohen|hat versucht,?|haben versucht,?) (\w+ ){0,1}mich (umzubringen|umbringen|zu toeten|toeten|zu schlagen|zu verpruegeln|verpruegeln|abzustechen|abstechen|zu vergewaltigen|vergewaltigen)\b"),
            // Separable verbs put their particle last: "er sticht mich morgen nach der Schule ab".
            P(Violence, Negatable, @"\b(sticht|stechen|stach|knallt|knallen|schlaegt|schlagen|macht|machen) (mich|uns) (\w+ ){0,5}(ab|tot|kalt|zusammen|platt|krankenhausreif)\b(?<!\b(macht|machen) (mich|uns) (\w+ ){0,5}(zusammen|platt))|\b(er|sie|jemand|einer|die) (\w+ ){0,3}(bringt|bringen|wird|werden|will|wollen) mich (\w+ ){0,4}(um|umbringen|abstechen|abknallen|zusammenschlagen)\b(?=.*\b(gesagt|gedroht|droht|schreibt|geschrieben|angst)\b)"),
            P(Violence, Negatable, @"\b(haben|hat) mich (\w+ ){0,2}(verpruegelt|zusammengeschlagen|angegriffen|ueberfallen|abgestochen|ausgeraubt)\b|\bich wurde (\w+ ){0,2}(verpruegelt|zusammengeschlagen|angegriffen|ueberfallen|ausgeraubt|verfolgt)\b|\b(jemand|er|ein mann|ein typ) (verfolgt|stalkt) mich\b|\bich bin in gefahr\b|\b(er|jemand) hat (ein messer|eine waffe|eine pistole)\b"),
            P(Panic, Negatable | Current, @"\b(panikattacke|panikattacken|angstattacke|angstattacken|panik attacke|panikanfall|angstanfall|panikstoerung)\b"),
            P(Panic, Current, @"\bherz (rast|raste|rasst|klopft|pocht|haemmert|schlaegt (\w+ )?(schnell|wie verrueckt))\b.{0,50}\b(atmen|luft|sterbe\w*|schwindel\w*|panik|ohnmaechtig|ersticke\w*)\b"),
            P(Panic, Absolute, @"\b(kann|bekomme|kriege|krieg) (\w+ )?(nicht (mehr )?atmen|keine luft( mehr)?)\b|\bkann nicht (mehr )?aufhoeren zu (zittern|weinen)\b|\b(habe das gefuehl|glaube|denke),? (ich|dass ich) (sterbe|sterben werde|gleich sterbe|einen herzinfarkt (habe|bekomme)|ersticke)\b"),
        ],
    };

    /// <summary>
    /// Chat German, so patterns need one form: hyphens as spaces, "hab"/"ne"/"nen"/"wenns" spelled out, and the
    /// dropped first-person ending restored after "ich" ("ich verbrenn mich" → "ich verbrenne mich").
    /// </summary>
    private static string Colloquial(string text)
    {
        var s = text.Replace('-', ' ');
        s = Contraction().Replace(s, m => m.Value switch
        {
            "hab" => "habe",
            "ne" => "eine",
            "nen" => "einen",
            "wenns" => "wenn es",
            "gehts" => "geht es",
            "gibts" => "gibt es",
            _ => m.Value,
        });
        return Apocope().Replace(s, "ich $1e");
    }

    [GeneratedRegex(@"\b(hab|ne|nen|wenns|gehts|gibts)\b")]
    private static partial Regex Contraction();

    /// <summary>First-person verbs whose final -e chat drops; only these, so "ich will", "ich kann" stay as they are.</summary>
    [GeneratedRegex(@"\bich (glaub|denk|nehm|bring|ritz|schneid|verbrenn|verletz|schlag|zitter|heul|wein|kratz|schluck|spring|halt|brauch|fuehl|hass)\b")]
    private static partial Regex Apocope();
}
