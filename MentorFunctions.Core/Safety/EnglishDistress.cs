using System.Text.RegularExpressions;
using static MentorFunctions.Core.Safety.DistressLexicon;
using static MentorFunctions.Core.Safety.DistressKind;
using static MentorFunctions.Core.Safety.PatternContext;

namespace MentorFunctions.Core.Safety;

/// <summary>English distress patterns (first person, reported speech about a friend, and disclosures).</summary>
internal static partial class EnglishDistress
{
    private const string Family = @"(dad|father|daddy|mom|mum|mother|mommy|mummy|step ?dad|step ?father|step ?mom|step ?mum|step ?mother|parents?|uncle|aunt|auntie|brother|sister|step ?brother|step ?sister|cousin|grandpa|grandfather|grandma|grandmother|boyfriend|girlfriend|bf|gf|partner|husband|wife|ex|coach|teacher|tutor|neighbou?r|pastor|priest|babysitter|guardian|foster (dad|mom|mum|father|mother|parents?)|(mom|mum|mother)'?s (boyfriend|partner)|(dad|father)'?s (girlfriend|partner))";
    private const string Abuser = @"(he|she|they|my " + Family + @"|someone|somebody|a man|a guy|an adult|an older (man|guy|boy|person)|this (guy|man|person|adult)|a (teacher|coach|neighbou?r|stranger))";
    private const string Target = @"(him|her|them|someone|somebody|people|everyone|everybody|the (whole )?(class|school)|my (class|classmates|school ?mates|school)|those (kids|guys|people|bullies|boys|girls)|the (kids|guys|people|bullies|boys|girls|teacher)|my " + Family + @"|my boss|the (guy|girl|kid|boy|man|ones|people|kids) who|those who|whoever|anyone who|all of them)";

    public static DistressLexicon Lexicon { get; } = new()
    {
        Language = "en",
        Prepare = Expand,
        NegationWindow = 4,
        Fiction = R(@"\b(character|characters|novel|movie|film|tv show|series|episode|song|songs|lyric|lyrics|poem|poetry|protagonist|villain|narrator|fanfic|fan ?fiction|role ?play|rp|video game|in the game|scene|script|screenplay|chapter|plot|anime|manga|comic|documentary|fictional|fiction|hypothetically|hypothetical|quote|quoted|quoting|in the book|the book|a book|(the|a|in the|in my|short|writing a|this|bedtime) story|stories|(a|the|school) play|musical|essay (about|on)|presentation (about|on)|research (about|on|into)|report (about|on)|project (about|on)|assignment (about|on)|article (about|on)|awareness|prevention|statistics|sings|singer|rapper|line that says|the line|theme|themes|symbolism|literature|books? (about|on)|reading (about|on)|psychology|sociology|health class|analysis|analy[sz]e|in the play|the play|(school|class|history) (essay|paper|assignment))\b(?<!long story)"),
        Assignment = R(@"\b(for|in) (my|our|the|a|this) (essay|paper|assignment|project|homework|presentation|report|book report|lit class|english class|course|exam)\b"),
        Reporter = R(@"\b((my|our) (best |close |good )?(friend|mate|bestie|classmate|class ?mate|school ?mate|sister|brother|cousin|mom|mum|dad|mother|father|roommate|teammate)|(a|one|this) (girl|boy|kid|guy|friend|student|classmate) (in|from|at) my (class|school|team|year)|someone i know|somebody i know|a friend( of mine)?) (\w+ ){0,2}(said|says|told|tells|keeps saying|kept saying|keeps talking|texted|messaged|wrote|posted|admitted|confessed|sent|wants|wanted|keeps|kept|tried|is going to|was going to|will|talks about|thinks about)\b"),
        SelfRelate = R(@"\b(that is|thats) (exactly )?(how|what) i (feel|am feeling|feel too)\b|\bi feel the same\b|\bsame (here|for me)\b|\bme too\b|\bi relate\b|\bjust like me\b|\bthat is me\b|\bin real life\b|\bfor real\b|\bnot (a|the) story\b|\bnot fiction\b|\bi mean it\b|\babout me\b"),
        Hyperbole = R(
            @"\b(is|are|was|were|it is|this is|that is|keeps|keep|literally|slowly)? ?(killing|kills|killed|murdering) me\b" +
            @"|\b(want to |going to |gonna |could |about to |literally |nearly |almost )?(die|dying|died|dead) (of|from|with|laughing|inside) ?(embarrassment|shame|laughter|laughing|boredom|cringe|cuteness|hunger|heat|thirst|excitement|jealousy|envy)?\b" +
            @"|\bdying (to|for) (see|know|try|go|meet|hear|get|eat|watch|read|tell)\b|\bto die for\b|\bdead tired\b|\b(bored|worried) to (death|tears)\b" +
            @"|\bi am dead (lol|lmao|haha\w*)\b|\b(would|could) (literally )?(kill|murder) (for|someone for) (a|an|some|the)\b|\bkill(ed|ing)? (it|time|the (process|thread|task|job|app|server|program|container|pod|session|build|terminal|tab|lights|engine|boss|dragon|enemy|zombie|monster|mood|vibe))\b" +
            @"|\b(my |the )?(mom|mum|dad|mother|father|parents|teacher|coach|boss|mama|papa|sister|brother|prof|professor)( is| are)? (going to|will|would|gonna) (literally |actually |totally )?(kill|murder) me\b" +
            @"|\b(would|i would|i had) rather (die|be dead) than\b|\bkill(ing)? myself (studying|working|trying|to (finish|get|make|study|work|learn)|over (this|that|it|homework)|with (work|homework|study))\b" +
            @"|\b(cut|cutting) myself (some )?slack\b|\bcut(ting)? myself off\b|\bbeat(ing)? myself up\b|\bkick myself\b|\bhurt myself laughing\b" +
            @"|\b(kernel|system|app|go|rust)? ?panic(ked|s)?( mode| button| buying|!)\b|\b(do not|dont) panic\b|\b(the|a|my) (process|app|program|thread|server|code|kernel|build) (panicked|panics|died|crashed)\b|\bsuicide (squad|doors?|runs|sprints|drills|burpees?|mission)\b" +
            @"|\b(this|that|the|my|it|these|those) (\w+ ){0,3}(makes|made|is making) me want to (die|kill myself|cry)\b(?=.*(" + Laughter + "))"),
        Negator = R(@"\b(not|never|no longer)\b"),
        Hedge = R(@"\b(yet|i think|do not think|probably|maybe|i guess|for now|not sure|i hope|i do not know|promise)\b"),
        Accident = R(@"\b(accident|accidentally|by mistake|cooking|chopping|shaving|slicing|kitchen|playing|practice|training|football|soccer|basketball|rugby|hockey|gym|workout|fell|falling|tripped|slipped|stove|oven|iron|paper cut|paper|piece of paper|glass|skating|skateboarding|running|lifting|sports?|bike|cycling|climbing|dancing|pe class)\b"),
        Deliberate = R(@"\b(on purpose|deliberately|again|to feel|to punish|because i (deserve|hate))\b"),
        Joke = R(@"\bfor (eating|taking|using|breaking|borrowing|touching|stealing|drinking|finishing|spoiling|telling|losing|forgetting|reading|wearing|being late|not)\b|\bif (he|she|they) (does|do|eats|touches|takes|says|tells|uses|breaks) (that|it|this|my)\b|\bso (mad|annoyed|angry) i could\b|" + Laughter),
        Grievance = R(@"\b(ate|eaten|took|taken|broke|stole|used|finished|drank|lost|deleted|spoiled|borrowed|hid|ruined) (my|all my|our|the last of my) (\w+ ){0,2}(fries|food|pizza|snacks?|chips|crisps|candy|chocolate|cake|lunch|drink|charger|phone|headphones|earbuds|clothes|hoodie|shirt|jumper|sweater|game|controller|seat|pen|notes|homework|stuff|things|leftovers|sandwich|cookies)\b"),
        Past = R(@"\b(years ago|months ago|used to|when i was (younger|little|a kid|a child|small)|in the past|back then|last year|a long time ago|long ago|as a kid|as a child)\b"),
        Patterns =
        [
            // Suicide: wanting to die or not to live, plans, means, goodbye messages.
            P(Suicide, Negatable, @"\b(kill|killing|killed|off|offing|hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|suffocate|suffocating|strangle|strangling) (myself|my self)\b"),
            P(Suicide, Negatable, @"\b(end|ending|ended|take|taking|took) (my own|my) life\b"),
            P(Suicide, Negatable, @"\bend (it all|everything|it for good|it tonight|it now|it today|it forever|my suffering|my pain for good)\b"),
            P(Suicide, Negatable, @"\b(want|wanting|going|plan|planning|ready|about|thinking about|think about|thought about|decided|tempted) (to )?(end|ending) (it|things|everything)\b(?! (with|between|for (the|this)|at work|in the))"),
            P(Suicide, Negatable, @"\bsuicid(e|al|ally)\b"),
            P(Suicide, Negatable | Jokey, @"\b(want|wants|wanted|wanting|wish|wishing|would like|going|plan|planning|ready|trying|tried|need|have|decided) to (die|be dead|not (be )?alive|not exist|stop existing|not wake up|never wake up|sleep forever|go to sleep forever|disappear (forever|for good|permanently)|be gone (forever|for good))\b"),
            P(Suicide, Absolute, @"\b(do not|no longer|not|never) (want|wish|feel like|wanna) to (live|be alive|exist|keep living|go on living|stay alive)\b"),
            P(Suicide, Absolute, @"\b(do not|no longer|not) (want|wish|feel like) to (be here|go on|keep going|wake up)( (anymore|any more|like this|ever again|again|tomorrow))\b"),
            P(Suicide, Absolute, @"\b(do not|never) want to wake up\b(?! (early|at|before|so early|for))"),
            P(Suicide, Absolute, @"\b(do not|cannot|can not|could not|never) (see|find|have|get) (any|a) (reason|point|purpose) (for me )?(to|in|of) (live|living|life|being alive|go on|going on|keep going|keep living|exist|existing|stay alive|staying alive)\b|\bno (reason|point|purpose) (for me )?(to|in|of|for) (live|living|life|being alive|go on|going on|keep going|keep living|exist|existing|stay alive|staying alive|me being here|being here)\b"),
            P(Suicide, Absolute, @"\b(what is|whats) the point (of|in) (living|life|being alive|going on|existing|me being here|being here|anything anymore)\b"),
            P(Suicide, Absolute, @"\b(life|living|my life) (is|feels) (not|no longer) worth (it|living)\b|\bnot worth living\b|\blife is meaningless\b"),
            P(Suicide, Absolute, @"\b(do not|not sure|unsure|cannot|can not) (know|see|think) (if|whether|why|how) i (want to|should|can|could) (live|keep living|be alive|go on|stay alive|keep going)\b"),
            P(Suicide, Absolute, @"\b(cannot|can not|could not) (go on|keep going|keep living|live like this|do life)( anymore| any longer| like this)?\b(?! (the|a|with|to|vacation|holiday|trip))"),
            P(Suicide, Absolute, @"\b(do not think|not sure|doubt|do not know if) (that )?i can (go on|keep going|keep living|live like this|survive this)\b|\bsleep and (never|not) wake up\b"),
            P(Suicide, Absolute, @"\b(cannot stop|keep|always|constantly|been) thinking (about|of) (dying|death|killing myself|suicide|ending (it|my life)|not being here|hurting myself|ways to die)\b|\b(my )?life is (pointless|meaningless|hopeless)\b"),
            P(Suicide, Absolute, @"\bi am (so |just )?(done|finished) with (life|living|being alive|existing)\b|\bwhat is the point (anymore|of anything|of it all)\b|\b(want|wish|need) (everything|it all|it|the pain) to (stop|end|be over) (forever|for good|permanently)\b|\b(want|wish|need) (it all|my life|life) to (end|be over|stop)\b"),
            P(Violence, Negatable, @"\b(keeps|kept|is|has been|have been|are|was) (following|stalking) me (home|to my house|everywhere|after (school|class|work))\b"),
            P(Suicide, Absolute, @"\b(better off|happier|easier) (dead|without me|if i (was|were|am) (gone|dead|not here|not around)|if i died|if i disappeared|with me gone)\b"),
            P(Suicide, Absolute, @"\b(no one|nobody|noone|no body)( would| will|'d)? (miss me|care|notice|even notice|even care|remember me)\b.{0,30}\b(die|died|dead|gone|disappear|disappeared|not here|not around|kill myself|killed myself)\b"),
            P(Suicide, Absolute, @"\bi wish (i|that i) (was|were|had|could) (dead|never been born|not been born|never existed|never born|not born|die|disappear forever|stop existing|not wake up|just disappear|sleep forever)\b"),
            P(Suicide, Absolute, @"\bi wish i (would not|will not|would never) wake up\b|\bhope i (do not|never) wake up\b|\bgo to sleep and (never|not) wake up\b"),
            P(Suicide, Absolute, @"\b(tired|sick) of (living|being alive|life|existing|being me|being here)\b(?! (in|at|with))"),
            P(Suicide, Negatable, @"\b(i|maybe i) (should|might as well|could|better) (just )?(die|end it|end it all|disappear|not be here|not exist)\b"),
            P(Suicide, Negatable, @"\bi (am|feel like|feel) (such |just |only |nothing but )?a (burden|waste of space)\b|\b(everyone|everybody|my family|them) would be (better|happier) without me\b"),
            // A quantity, then a few words saying whose ("a bunch of my mum's pills"), then the pills.
            P(Suicide, Negatable, @"\b(take|took|taking|swallow|swallowed|swallowing|have taken|stockpiling|saving up|saved up|going to take)( (all|some))? (of )?((like|about|around|maybe|almost|nearly|over|more than) )?(all|too many|a lot of|a bunch of|loads of|lots of|(the|a) whole (bottle|box|pack|packet) of|a handful of|enough|\d{2,}|ten|twelve|fifteen|twenty|thirty|forty|fifty|a dozen)( [\w']+){0,3}? (pills|tablets|meds|medication|medicine|painkillers|sleeping pills|paracetamol|tylenol|advil|ibuprofen)\b(?!.{0,40}\b(every (morning|day|night|evening)|each (morning|day|night)|daily|as prescribed|(like|as) (the|my) doctor (said|told|says)))"),
            P(Suicide, Negatable, @"\boverdos(e|ed|ing)\b"),
            P(Suicide, Negatable, @"\b(jump|jumping|throw myself|step|stepping) (off|from|in front of) (a|the|this|my) (bridge|building|roof|balcony|cliff|train|car|bus|window|tower|truck)\b"),
            P(Suicide, Absolute, @"\bsuicide (note|letter)\b|\b((goodbye|farewell) (note|letter)|(wrote|writing|written) (my|a) (goodbye|farewell|last) (note|letter|message))\b(?! (to|for) (our|the|my|a|mrs|mr|ms|miss) ?(teacher|class|coach|school|team|principal|classmates?|friend who is (moving|leaving)))|\bthis is (my )?goodbye( forever)?\b(?! (party|gift|card))|\bmy last (message|night|day) (here|alive|on earth)\b"),
            P(Suicide, Negatable | Reported, @"\b(kill|killing|kills|killed|off|offing|hang|hanging|hanged|end|ending) (himself|herself|themselves|themself)\b"),
            P(Suicide, Negatable | Reported, @"\b(end|take|ending|taking|took|ended) (his|her|their) (own )?life\b"),
            // Self-harm.
            P(SelfHarm, Negatable | Accidental, @"\b(cut|cutting|cuts|burn|burning|burned|burnt|hurt|hurting|harm|harming|punish|punishing|scratch|scratching|carve|carving|hit|hitting|bruise|bruising|starve|starving|choke|choking|stab|stabbing) (myself|my self|my (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|body|hips))\b"),
            P(SelfHarm, Negatable | Accidental | Reported, @"\b(cut|cutting|cuts|hurt|hurting|harm|harming|burn|burning) (himself|herself|themselves|themself)\b"),
            P(SelfHarm, Negatable, @"\b(punch|punched|punching|hit|hitting|bang|banging) (the |my )?(walls?|head) (until|till) (my )?(hands?|knuckles?|fists?|head|it)? ?(bleed|bleeds|bled|broke|break|breaks|hurts|hurt|bruise)"),
            P(SelfHarm, Negatable | Current, @"\bself ?-?(harm|harming|harmed|injury|injuring|injure|mutilation|mutilating|hurt|hurting)\b"),
            P(SelfHarm, Negatable, @"\b(started|starting|began|back to|relapsed|relapse|relapsing|urge to|urges to|want to|cannot stop|can not stop|keep) (cut|cutting|hurting myself|harming myself|self ?harm|self ?harming|burning myself)\b"),
            P(SelfHarm, Absolute, @"\b(cutting|hurting myself|harming myself) again\b|\b(razor|blade|blades)\b.{0,60}\b(my (arm|arms|wrist|wrists|skin|thigh|thighs|leg|legs))\b|\bfresh (cuts|scars)\b"),
            P(SelfHarm, Current, @"\b(arms?|wrists?|thighs?|legs?|skin|stomach)\b (are |is )?(all )?(full of|covered in|covered with|is covered in) ((cuts|scars)\b|(burns|scratches)\b(?!.*\b(cat|cats|kitten|dog|puppy|football|soccer|sun|sunburn|beach|fell|fall|garden|gardening|bushes|thorns|roses|cooking|oven|stove|training|practice|hiking|climbing|bike)\b))"),
            // Abuse: someone hurting, touching, forcing or threatening the student.
            P(Abuse, Negatable, @"\b" + Abuser + @"( \w+){0,3} (hits|hit|hitting|beats|beat|beating|slaps|slap|slapped|slapping|punches|punch|punched|punching|kicks|kick|kicked|kicking|chokes|choke|choked|choking|strangles|strangled|burns|burn|burned|whips|whip|whipped|hurts|hurt|hurting|abuses|abuse|abused|abusing|rapes|raped|molests|molest|molested|touches|touch|touched|touching|gropes|grope|groped|groping|grabs|grabbed|grabbing|starves|starve|starved|locks|lock|locked) me\b(?! (up|out|back|at|in (chess|the game|a game|the race)|with (a|the) (pillow|ball|snowball|question|idea|news)|off|to))"),
            P(Abuse, Negatable, @"\b" + Abuser + @"( \w+){0,3} (threw|throws|throwing|throw) (\w+ ){0,3}at me\b|\b(hits|beats|slaps|punches|kicks|chokes|whips|hurts) me (with|until|every|when|whenever|if|because|so|all the time|a lot|again)\b(?! (a |the )?(pillow|ball|snowball|question|idea|news|joke))"),
            P(Abuse, Negatable, @"\b(i am|i have been|i was|i got|i keep getting|being|been|get) (abused|molested|raped|sexually assaulted|assaulted|groomed|trafficked|beaten up|strangled|choked|touched inappropriately|sexually harassed)\b"),
            P(Abuse, Negatable, @"\b(beaten|hit|hurt|slapped|punched|kicked|touched|threatened) by (my " + Family + @"|him|her|them|a man|an adult|an older)\b"),
            P(Abuse, Negatable, @"\b(abusive|violent) (dad|father|mom|mum|mother|step ?dad|step ?father|parents?|home|household|family|relationship|boyfriend|girlfriend|partner|husband|uncle|brother|sister)\b"),
            P(Abuse, Absolute, @"\b(touch|touches|touched|touching) me (inappropriately|down there|in (my|private)|where|when i do not|sexually|at night|in places)\b|\bsexual(ly)? (abuse|abused|assault|assaulted|harass|harassed|harassment|abusing)\b"),
            P(Abuse, Absolute, @"\b(do not|never) feel safe (at home|in my (own )?(home|house|room)|around (him|her|them|my \w+)|with (him|her|my \w+))\b|\b(am|feel) not safe (at home|in my house|with (him|her|them))\b|\bnot safe at home\b"),
            P(Abuse, Absolute, @"\b(scared|afraid|terrified|frightened) (to go|of going|to return|of returning|to come) (back )?home\b|\b(scared|afraid|terrified|frightened) of my (dad|father|step ?dad|step ?father|mom|mum|mother|uncle|boyfriend|girlfriend|partner|husband|brother)\b(?!'s| finding| seeing| knowing| reaction| getting| being (mad|angry|disappointed)| when he sees| if)"),
            P(Abuse, Absolute, @"\b(threaten|threatens|threatened|threatening)\b.{0,40}\b(post|share|leak|send|show|spread|publish|upload)\b.{0,25}\b(pictures|photos|pics|nudes|videos|images)\b"),
            P(Abuse, Absolute, @"\b(asked|asks|asking|wants|want|wanted|pressured|pressures|pressuring|forcing|forced|made|makes|keeps asking|begging) me (to send|for|to take|to show)( him| her| them)? (nudes|naked|nude|pictures of my body|photos of my body|pics of my body|explicit|sexy)\b"),
            P(Abuse, Absolute, @"\b(asking|asks|asked|wants|wanted|pressuring|pressures|begging|demanding|demands) (me )?for (nudes|naked (photos|pictures|pics)|(photos|pictures|pics) of (my body|me naked|me without|me in my underwear))\b"),
            P(Abuse, Absolute, @"\bforced (me|himself|herself) (to have sex|on me|to do (sexual )?things|to touch|to undress|to watch)\b"),
            P(Abuse, Absolute, @"\b(uncle|step ?dad|step ?father|coach|teacher|tutor|adult|older (man|guy)|neighbou?r|pastor|priest|babysitter)\b.*\b(our (little )?secret|keep (it|this) (a )?secret|not (to )?tell (anyone|anybody|my parents|my mom|my mum))\b"),
            P(Abuse, Absolute, @"\b(told|tell|telling|tells|said|says|saying|sent|sending|messaged|texted|wrote)\b.{0,30}\b(kill yourself|kys|go die|should die|should kill myself)\b"),
            // Violence: threats the student makes or receives, weapons, assaults.
            P(Violence, Negatable | Jokey | AgainstOthers, @"\b(going to|will|want to|plan to|planning to|ready to|about to|gonna|thinking about|think about|fantasi[sz]e about|imagine) (kill|killing|shoot|shooting|stab|stabbing|murder|murdering|hurt|hurting|attack|attacking|beat up|beating up|poison|poisoning|bomb|blow up|strangle) " + Target + @"\b"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\bmake (them|him|her|everyone|you all|those \w+|the \w+ who \w+ me) (all )?(pay|suffer|regret it)\b(?! for (it|this))"),
            P(Violence, Negatable, @"\b(bring|bringing|take|taking|brought|took|carry|carrying) (a|my|his|her|my (dad|father|brother)'?s|dad'?s|the|our) (gun|knife|knives|weapon|weapons|rifle|pistol|machete|bomb)( \w+){0,2} (to|into) (school|class|campus|the school|college|work)\b|\bshoot up (the|my|our|this) (school|class|campus|college)\b"),
            P(Violence, Negatable | Jokey, @"\b(threatened to|threatens to|threatening to|promised to|said (he|she|they) (would|will|is going to|are going to|was going to|were going to)|says (he|she|they) (will|is going to|are going to)|wants to|want to|going to|is going to|are going to|gonna|tried to|trying to) (kill|stab|shoot|hurt|beat up|beat|attack|rape|strangle|choke|jump|punch|kick|batter|knife|smash) me\b"),
            P(Violence, Negatable, @"\b(they|he|she|some (kids|guys|people|boys|girls|men)|a (gang|group)|people|someone|bullies|classmates)( \w+){0,3} (beat me up|jumped me|attacked me|stabbed me|mugged me|robbed me|punched me|kicked me|is stalking me|are stalking me|keeps following me|follows me home|followed me home|is following me|are following me|(has|have) been (following|stalking|watching) me|following me home)\b"),
            P(Violence, Negatable, @"\bi (got|was|have been|am being|keep getting) (jumped|mugged|stabbed|beaten up|attacked|stalked|shot at|followed home|robbed at (knife|gun) ?point)\b"),
            P(Violence, Negatable, @"\b(he|she|someone|a man|a guy|they) (has|had|have|pulled|pulled out|is holding|was holding|showed me|is waving) (a|his|her) (gun|knife|weapon)\b"),
            P(Violence, Negatable, @"\bi am (in danger|not safe)\b|\b(someone|a man|he|they) (is|are|was) (trying to )?(break|breaking) in(to)?\b"),
            P(Violence, Negatable, @"\b(thoughts|urges|fantasies|thinking) (of|about) (killing|hurting|stabbing|shooting) (someone|people|him|her|them|others|my \w+)\b"),
            // Acute panic.
            P(Panic, Negatable | Current, @"\b(having|have|had|am having|in the middle of|getting|got|think i am having|feel like i am having|starting to have|another|just had|having another) (a |an |another )?((really |very |so |such a )?(bad|huge|massive|severe|big|terrible|awful|horrible|full blown) )?(panic|anxiety) attacks?\b(?! (before|when|during|in the past))|\bpanic attack (right )?now\b"),
            P(Panic, Absolute, @"\b(cannot|can not|could not|unable to|struggling to|hard to|hardly) (breathe|catch my breath|stop shaking|stop trembling|stop crying|stop panicking|calm down|feel my (hands|legs|face|arms))\b(?! (through my nose|because of (my )?(cold|allergies|asthma)))"),
            P(Panic, Absolute, @"\b(feel|feels|feeling) like i am (dying|going to die|having a heart attack|losing my mind|going crazy|suffocating)\b|\b(think|thought) i am (dying|going to die|having a heart attack)\b"),
            P(Panic, Absolute, @"\bhyperventilat(ing|e)\b|\b(heart|chest) (is )?(pounding|racing|hurts|tight|tightening)\b.{0,40}\b(breathe|dizzy|shaking|dying|panic|faint)\b|\b(freaking out|panicking)\b.{0,40}\b(breathe|shaking|dying)\b"),
        ],
    };

    /// <summary>Contractions and chat spellings, so patterns need one form: "don't" → "do not", "im" → "i am".</summary>
    private static string Expand(string text)
    {
        var s = Contraction().Replace(text, m => m.Value switch
        {
            "can't" or "cant" or "cannot" => "cannot",
            "won't" or "wont" => "will not",
            "ain't" or "aint" => "is not",
            "i'm" or "im" => "i am",
            "i've" or "ive" => "i have",
            "i'll" => "i will",
            "i'd" => "i would",
            "gonna" => "going to",
            "wanna" => "want to",
            "gotta" => "got to",
            "kms" => "kill myself",
            "u" => "you",
            "ur" => "your",
            "nobody's" => "nobody is",
            "it's" => "it is",
            "that's" => "that is",
            "what's" or "whats" => "what is",
            "he's" => "he is",
            "she's" => "she is",
            "they're" => "they are",
            "there's" => "there is",
            _ => m.Value,
        });
        s = NotSuffix().Replace(s, "$1 not");
        return Auxiliary().Replace(s, m => m.Groups[1].Value + m.Groups[2].Value switch
        {
            "'ll" => " will",
            "'re" => " are",
            "'ve" => " have",
            _ => " would",
        });
    }

    [GeneratedRegex(@"\b(can't|cant|cannot|won't|wont|ain't|aint|i'm|im|i've|ive|i'll|i'd|gonna|wanna|gotta|kms|u|ur|nobody's|it's|that's|what's|whats|he's|she's|they're|there's)\b")]
    private static partial Regex Contraction();

    [GeneratedRegex(@"\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must|need)(?:n't|nt)\b")]
    private static partial Regex NotSuffix();

    [GeneratedRegex(@"\b(he|she|they|we|you|it|someone|somebody|who)('ll|'re|'ve|'d)\b")]
    private static partial Regex Auxiliary();
}
