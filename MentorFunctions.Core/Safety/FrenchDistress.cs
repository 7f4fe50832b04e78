using static MentorFunctions.Core.Safety.DistressLexicon;
using static MentorFunctions.Core.Safety.DistressKind;
using static MentorFunctions.Core.Safety.PatternContext;

namespace MentorFunctions.Core.Safety;

/// <summary>French distress patterns; elisions and hyphens read as spaces ("j'ai" → "j ai", "beau-père" → "beau pere").</summary>
internal static class FrenchDistress
{
    private const string Abuser = @"(mon (pere|papa|beau pere|oncle|frere|demi frere|cousin|grand pere|copain|petit ami|mec|partenaire|mari|ex|entraineur|coach|prof|professeur|voisin|patron)|ma (mere|maman|belle mere|tante|soeur|demi soeur|cousine|grand mere|copine|petite amie|partenaire|femme|ex|prof|voisine)|mes parents|il|elle|ils|elles|on|quelqu un|un (homme|mec|adulte|type|monsieur|inconnu)|une (femme|adulte|inconnue)|le copain de ma mere)";
    private const string Target = @"(quelqu un|tout le monde|les \w+|le \w+|la \w+|mon \w+|ma \w+|mes \w+|ces \w+|lui|eux|toute la classe|ceux|celles|celui|celle|tous ceux|toutes celles)";

    public static DistressLexicon Lexicon { get; } = new()
    {
        Language = "fr",
        Prepare = static s => s.Replace('\'', ' ').Replace('-', ' '),
        Fiction = R(@"\b(personnage|personnages|heros|heroine|roman|film|serie|chanson|chansons|paroles|poeme|poesie|protagoniste|mechant|narrateur|fanfic|jeu de role|jeu video|dans le jeu|scene|scenario|chapitre|intrigue|anime|manga|bd|bande dessinee|documentaire|fiction|hypothetiquement|citation|dissertation sur|expose sur|travail sur|recherche sur|dossier sur|prevention|sensibilisation|statistiques|dans l histoire|l histoire que|le livre|dans le livre|un livre|piece de theatre|chante|chanteur|chanteuse|rappeur)\b"),
        Assignment = R(@"\b(pour|dans) (mon|ma|un|une|le|la|ce|cet|cette) (dissertation|dissert|expose|devoir|dm|commentaire|controle|cours de \w+|fiche de lecture)\b"),
        Reporter = R(@"\b((mon|ma) (meilleur |meilleure )?(ami|amie|pote|copain|copine|camarade|frere|soeur|cousin|cousine|mere|pere)|(une|un) (fille|garcon|eleve|copine|copain|amie|ami) de (ma )?(classe|ecole)|quelqu un que je connais) (\w+ ){0,2}(m a dit|a dit|dit|me dit|m a ecrit|a ecrit|m a raconte|n arrete pas de dire|m a envoye|veut|a essaye|va)\b"),
        SelfRelate = R(@"\b(c est ce que je ressens|c est comme ca que je me sens|je ressens la meme chose|je me sens pareil|moi aussi|comme moi|dans la vraie vie|je suis serieux|je suis serieuse|je parle de moi)\b"),
        Hyperbole = R(
            @"\b(je |j )?(meurs|mourir|mort|morte|morts|crever|creve|crevais) (de|d) (rire|honte|faim|ennui|fatigue|chaud|froid|peur|envie|soif|jalousie)\b|\bmdr\b|\bptdr\b" +
            @"|\b(ce|cette|ces|ca|le|la|les) (\w+ ){0,2}(me tue|me tuent|va me tuer)\b|\bca me tue\b|\btu me tues\b" +
            @"|\b(ma mere|mon pere|mes parents|ma prof|mon prof|le prof|la prof|mon patron|ma daronne|mon daron|mes darons|ma grand mere|mon frere|ma soeur) (va|vont) me tuer\b|\bje me tue (a|au) (la tache|travail|bosser|reviser)\b" +
            @"|\bplutot mourir que\b|\bje prefere mourir que\b|\btuer le temps\b|\b(pas de|sans) panique\b|\bpaniquez pas\b|\bme couper les cheveux\b|\bcoupe les cheveux\b"),
        Negator = R(@"\b(ne|n|pas|jamais|aucun|aucune|aucunement)\b"),
        Hedge = R(@"\b(encore|pour l instant|pour le moment|je crois|je pense|peut etre|je sais pas|je ne sais pas|probablement|promis)\b"),
        Accident = R(@"\b(en cuisinant|cuisine|sans faire expres|pas fait expres|accident|par accident|en jouant|foot|football|entrainement|sport|gym|muscu|je suis tombe|je suis tombee|en tombant|en me rasant|couteau de cuisine|en courant|velo|four|plaque|feuille|papier|verre)\b"),
        Deliberate = R(@"\b(expres|volontairement|encore une fois|de nouveau|pour ressentir|je le merite)\b(?<!pas fait expres)"),
        Joke = R(@"\bparce qu (il|elle) a (mange|pris|casse|fini|bu|touche|perdu)\b|\bpour avoir (mange|pris|casse|fini|bu|touche|perdu)\b|\bs (il|ils) (mange|touche|prend|recommence|fait)\b|\bsi (elle|tu) (mange|touche|prend|recommence|fais|fait)\b|" + Laughter),
        Grievance = R(@"\b(a|ont|m a|m ont) (mange|pris|casse|vole|pique|utilise|fini|bu|perdu|efface|cache|pourri) (mon|ma|mes|le dernier|la derniere|tout mon|toute ma|tous mes|toutes mes) (\w+ ){0,2}(chips|frites|pizza|bouffe|repas|bonbons|chocolat|gateau|biscuits|gouter|chargeur|telephone|portable|tel|ecouteurs|casque|vetements|sweat|tee shirt|jeu|manette|place|stylo|cahier|devoirs|affaires|trucs|glace)\b"),
        Past = R(@"\b(il y a (des annees|des mois|longtemps|quelques annees|\d+ ans)|quand j etais (petit|petite|plus jeune|enfant)|avant j avais|dans le passe|l annee derniere|autrefois|maintenant ca va|ca va mieux maintenant)\b"),
        Patterns =
        [
            P(Suicide, Negatable, @"\b(me tuer|me suicider|je me tue|(?<!\bse )(?<!\bs est )suicid(e|aire|aires)|mettre fin a (mes jours|ma vie)|m oter la vie|me foutre en l air|me pendre|me jeter (d un|du|de la|sous un|sous le|par la) (pont|immeuble|fenetre|balcon|toit|train|metro|voiture|camion))\b"),
            P(Suicide, Negatable, @"\ben finir( avec (la vie|ma vie|tout|moi|tout ca)| une bonne fois pour toutes| pour de bon)?\b(?! avec (les|le|la|ce|cette|ces|mon|mes|l))"),
            P(Suicide, Negatable, @"\b(veux|voudrais|voulais|envie de|je pense a|pense a|je compte|prefererais|j aimerais|aimerais|vais) (mourir|crever|etre mort|etre morte|disparaitre pour toujours|disparaitre a jamais|ne plus exister|ne pas me reveiller|ne plus me reveiller|dormir pour toujours|dormir et ne jamais me reveiller)\b"),
            P(Suicide, Absolute, @"\b(ne veux plus|veux plus|n ai plus envie de|ai plus envie de|plus envie de|pas envie de|plus la force de) (vivre|exister|etre en vie|me reveiller|continuer a vivre|continuer)\b(?! (le|la|les|ce|cette|mes|mon|ma|a (travailler|etudier|bosser)|comme ca dans))"),
            P(Suicide, Absolute, @"\b(aucune|pas de|plus de|plus aucune|aucun) (raison|envie) de vivre\b|\bla vie n a (plus )?(aucun|pas de) sens\b|\b(ma vie|la vie) ne vaut (plus )?(pas|rien|la peine)\b|\bma vie n a (plus )?(aucun|pas de) sens\b|\b(a quoi bon|quel est l interet de) (vivre|continuer)\b"),
            P(Suicide, Absolute, @"\b(tout le monde|ils|ma famille|mes parents|vous) (serait|seraient|serez|irait|iraient) (plus heureux |plus heureuse |mieux )?(mieux )?sans moi\b"),
            P(Suicide, Absolute, @"\b(il vaudrait|ce serait|ca serait|ce serait) mieux (de )?(ne pas exister|ne plus exister|mourir|ne pas etre ne|ne pas etre nee|ne pas etre la|ne plus etre la)\b|\b(plus de|aucun) sens a rien\b.{0,40}\b(disparaitre|mourir|me tuer)\b"),
            P(Suicide, Absolute, @"\b(ce serait|ca serait|il vaudrait) mieux (si je mourais|si je disparaissais|que je meure|que je disparaisse|si je n etais plus la|sans moi)\b"),
            P(Suicide, Absolute, @"\bpersonne ne (remarquerait|verrait|s en rendrait compte|me regretterait|se soucierait|pleurerait)\b.{0,40}\b(mourais|disparaissais|partais|n etais plus|me tuais|mourrais)\b|\bpersonne ne me regretterait\b"),
            P(Suicide, Absolute, @"\b(j aimerais|je voudrais|je souhaiterais|si seulement je pouvais) (etre mort|etre morte|ne jamais etre ne|ne jamais etre nee|ne pas exister|disparaitre|mourir|ne pas etre ne|ne pas etre nee)\b"),
            P(Suicide, Absolute, @"\b(j aimerais|je voudrais|je souhaiterais|j aurais aime|j aurais prefere|je veux) (ne (jamais|plus|pas) )(me reveiller|m etre reveille|m etre reveillee|etre ne|etre nee|exister|avoir existe)\b|\b(m endormir|dormir|m endormir pour toujours) et ne (jamais|plus|pas) (plus )?me reveiller\b"),
            P(Suicide, Negatable, @"\bje suis (juste )?un (fardeau|poids)( pour)?\b"),
            // A quantity, then a few words saying whose ("plein de cachets de ma mere" reads either way), then the pills.
            P(Suicide, Negatable, @"\b(prendre|avaler|pris|avale|j ai pris|j ai avale) ((genre|environ|presque|plus de|a peu pres|comme) )?(toutes|tous|toute la boite de|une boite de|plein de|trop de|beaucoup de|la boite entiere de|toute la plaquette de|une plaquette de|\d{2,}|dix|douze|quinze|vingt|trente|quarante|cinquante)( \w+){0,3}? (medicaments?|medocs?|cachets?|pilules?|comprimes?|somniferes?)\b(?!.{0,40}\b(tous les (matins|soirs|jours)|chaque (jour|matin|soir)|comme (le medecin|mon medecin|prescrit)|prescrits?)\b)|\b(surdose|overdose)\b"),
            P(Suicide, Absolute, @"\b(lettre|lettres|mot|message) (d adieu|d adieux|de suicide)\b(?! (a|au|pour|pour le|pour la) (la |le |notre |mon |ma )?(prof\w*|classe|entraineur|directeur|directrice|equipe|camarades?))"),
            // Two weaker signs together: wanting it all to stop, and not being able to go on.
            P(Suicide, Absolute, @"\b(je veux|je voudrais|j aimerais|besoin) (que )?(tout|tout ca|ca) (s arrete|se termine|finisse|cesse)\b.{0,60}\bj en peux plus\b|\bj en peux plus\b.{0,60}\b(je veux|je voudrais|j aimerais) (que )?(tout|tout ca|ca) (s arrete|se termine|finisse|cesse)\b|\b(que )?(tout|tout ca) (s arrete|se termine|finisse) pour toujours\b"),
            P(Suicide, Negatable | Reported, @"\b(se tuer|se suicider|se suicide|se suicident|mettre fin a ses jours|s est suicide|s est suicidee|veut mourir|veut se tuer)\b"),
            P(SelfHarm, Negatable | Accidental, @"\b(me scarifier|je me scarifie|scarification|scarifications|me couper|je me coupe|je me suis coupe|je me suis coupee|me suis coupe|me suis coupee|je me mutile|automutil\w*|auto mutil\w*|me faire du mal|me fais du mal|me suis fait du mal|me blesser|je me blesse|me bruler|je me brule|je me suis brule|je me suis brulee|me frapper moi meme|je me frappe|me taillader|je me taillade)\b"),
            // Words only used of harming oneself, in any person and tense ("je me suis encore scarifiée").
            P(SelfHarm, Negatable, @"\b(me|m) (suis |etais |suis encore |suis deja )?(scarifi|taillad|mutil|lacer)\w*\b"),
            P(SelfHarm, Current, @"\b(bras|poignets?|cuisses?|jambes?|peau|ventre)\b (\w+ )?(couverts?|couvertes?|pleins?|pleines?|remplis?|remplies?) de (coupures|cicatrices|entailles|brulures|griffures)\b"),
            P(SelfHarm, Negatable, @"\b(recommence a|recommencer a|envie de|besoin de|arrive pas a arreter de) (me couper|me scarifier|me faire du mal|me bruler|me blesser)\b"),
            P(SelfHarm, Negatable | Reported, @"\b(se scarifier|se scarifie|se faire du mal|se fait du mal|se couper|se coupe)\b"),
            P(Abuse, Negatable, @"\b" + Abuser + @"( \w+){0,3} (me|m)( a| ont| avait| avaient)? (frappe|frappait|frappee|bat|battait|battu|battue|tape|tapait|tapee|gifle|giflee|touche|touchait|touchee|viole|violait|violee|menace|menacait|menacee|fait du mal|fait mal|force a|oblige a|enferme|enfermee|etrangle|etranglee|brule|tripote|tripotait|tripotee|agresse|agressee|abuse|abusee|insulte et frappe|cogne|cognait|tabasse|tabassait)\b(?! (aux|au|a la|en) (echecs|jeu|course|match|partie))"),
            P(Abuse, Negatable, @"\b(je suis|j ai ete|je me fais|je me suis fait|je me suis faite|je suis en train d etre) (battu|battue|frappe|frappee|viole|violee|abuse|abusee|maltraite|maltraitee|agresse|agressee|tabasse|tabassee|harcele sexuellement|harcelee sexuellement|attouche|attouchee|violer|frapper|tabasser|agresser|tripoter|toucher)\b"),
            P(Abuse, Negatable, @"\b(abuse|abusait|a abuse|abusent|ont abuse) de moi\b"),
            P(Abuse, Absolute, @"\b(mon (oncle|beau pere|entraineur|coach|prof|professeur|voisin|cousin|grand pere|patron)|un (adulte|homme|monsieur))\b.{0,60}\b(de (ne )?rien dire|ne (le )?dis (rien )?a personne|(de )?n en parler a personne|(de )?ne le dire a personne|notre secret)\b"),
            P(Abuse, Absolute, @"\b(violence|violences|abus|agression|agressions) (sexuel|sexuels|sexuelle|sexuelles|conjugales?|domestiques?|familiales?)\b|\b(attouchements|inceste)\b|\bc est notre secret\b|\bne (le )?dis (rien )?a personne\b.{0,40}\b(touche|photos|corps)\b"),
            P(Abuse, Absolute, @"\b(je ne me sens|me sens|je me sens) (pas|plus) en securite (a la maison|chez moi|avec (lui|elle|mon \w+|ma \w+))\b|\b(pas|plus) en securite (a la maison|chez moi)\b|\bpeur de (rentrer|retourner|aller) (a la maison|chez moi)\b|\bj ai peur de mon (pere|beau pere|copain|oncle|frere)\b(?! (s il|quand|si))|\bj ai peur de ma (mere|belle mere|copine)\b(?! (s il|quand|si))"),
            P(Abuse, Absolute, @"\bmenac\w*\b.{0,40}\b(publier|partager|diffuser|montrer|envoyer|poster|balancer)\b.{0,25}\b(photos|videos|nudes|images)\b|\b(demande|demandait|veut|exige|insiste pour avoir|insiste pour que j envoie)( \w+){0,3} (des )?(nudes|photos (de moi )?(nue|nu|denudee|denude|intimes)|photos de mon corps)\b"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\b(je vais|je veux|j ai envie de|envie de|je compte|je pense a) (tuer|poignarder|tirer sur|buter|descendre|attaquer|frapper|tabasser|blesser|empoisonner|faire du mal a) " + Target + @"\b(?<!le temps)"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\bje vais (le|la|les) (tuer|buter|poignarder|tabasser|frapper|descendre)\b"),
            P(Violence, Negatable, @"\b(apporter|amener|ramener|prendre|emmener) (une arme|un couteau|un pistolet|un flingue|une arme a feu|le fusil|le pistolet|une lame)( de mon \w+)? (a l ecole|au lycee|au college|en classe|a la fac|en cours)\b"),
            P(Violence, Negatable, @"\b(veut|veulent|voulait|voulaient|va|vont|allait|allaient|a menace de|menace de|ont menace de|a essaye de|ont essaye de) me (tuer|frapper|tabasser|poignarder|violer|buter|faire du mal|casser la gueule|planter|defoncer|crever|niquer|egorger|descendre)\b"),
            P(Violence, Negatable, @"\bm ont (frappe|frappee|tabasse|tabassee|agresse|agressee|attaque|attaquee|battu|battue|poignarde|poignardee|suivi|suivie jusqu)\b(?! (aux|au|a la|en) (echecs|jeu|course|match|partie|foot))|\bje me suis fait (frapper|tabasser|agresser|attaquer|poignarder|racketter)\b|\b(quelqu un|un homme|un mec|il) me (suit|suivait|traque|harcele)\b(?! (sur|depuis) (insta|instagram|tiktok|twitter|les reseaux))|\bje suis en danger\b|\b(il|quelqu un) a (un couteau|une arme|un pistolet)\b"),
            P(Panic, Negatable | Current, @"\b(crise|crises|attaque|attaques) (d angoisse|de panique|d anxiete|d angoisses)\b"),
            P(Panic, Current, @"\bcoeur (bat (trop |tres |super |a toute )?(vite|fort)|s emballe|bat a (cent|mille|fond)|qui bat a (cent|mille|fond))\b.{0,50}\b(respirer|respire|trembl\w*|mourir|meurs|vertige\w*|panique|etouff\w*|malaise|evanoui\w*)\b"),
            P(Panic, Absolute, @"\b(je n arrive|j arrive|je ne peux|je peux|je n y arrive) (pas|plus) (a )?(respirer|arreter de trembler|me calmer|arreter de pleurer|reprendre mon souffle)\b|\bj ai l impression (que je vais mourir|de mourir|que je meurs|de faire une crise cardiaque|d etouffer)\b|\bje crois que je (vais mourir|meurs|fais une crise cardiaque)\b|\bj etouffe\b"),
        ],
    };
}
