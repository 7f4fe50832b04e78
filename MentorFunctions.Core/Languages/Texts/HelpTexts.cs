namespace MentorFunctions.Core.Languages.Texts;

/// <summary>The help the bot gives, and what the command parser says about a command it could not read.</summary>
public static class HelpTexts
{
    public static readonly LocalText Mentor = new(
        en: "When a student waits for you, I answer in your style (clearly labelled as AI) and stand down when you reply. Commands:\n"
            + "- `status`: what I've learned about your style, your mode and pause\n"
            + "- `pause` (until `resume`), or `pause 30m` / `pause 2h` / `pause 1d`; `resume`\n"
            + "- `mode auto` (I reply), `mode draft` (I send you drafts first), `mode off` (I only learn)\n"
            + "- `send`, `edit <text>`, `skip` for your newest draft, or with its number: `send 12`\n"
            + "- `persona <text>` to tell me about yourself; `persona clear`\n"
            + "- `quiet 22-7 Europe/Lisbon`: hours in your time zone when I never answer for you; `quiet off`\n"
            + "- `students`: your students; `accept <id>` / `decline <id>` when I ask about someone new\n"
            + "- `language es`: the language I write to you in (en, es, pt, fr, de); `language auto` to follow your writing",
        es: "Cuando un estudiante te espera, respondo con tu estilo (siempre marcado como IA) y me retiro en cuanto contestas. Comandos:\n"
            + "- `status`: lo que he aprendido de tu estilo, tu modo y tu pausa\n"
            + "- `pause` (hasta `resume`), o `pause 30m` / `pause 2h` / `pause 1d`; `resume`\n"
            + "- `mode auto` (respondo yo), `mode draft` (primero te envío borradores), `mode off` (solo aprendo)\n"
            + "- `send`, `edit <texto>`, `skip` para tu último borrador, o con su número: `send 12`\n"
            + "- `persona <texto>` para contarme sobre ti; `persona clear`\n"
            + "- `quiet 22-7 Europe/Madrid`: horas de tu zona horaria en las que nunca respondo por ti; `quiet off`\n"
            + "- `students`: tus estudiantes; `accept <id>` / `decline <id>` cuando te pregunto por alguien nuevo\n"
            + "- `language es`: el idioma en que te escribo (en, es, pt, fr, de); `language auto` para seguir tu forma de escribir",
        pt: "Quando um aluno espera por você, eu respondo no seu estilo (sempre marcado como IA) e saio de cena assim que você responde. Comandos:\n"
            + "- `status`: o que aprendi do seu estilo, seu modo e sua pausa\n"
            + "- `pause` (até `resume`), ou `pause 30m` / `pause 2h` / `pause 1d`; `resume`\n"
            + "- `mode auto` (eu respondo), `mode draft` (primeiro envio rascunhos a você), `mode off` (só aprendo)\n"
            + "- `send`, `edit <texto>`, `skip` para o seu rascunho mais recente, ou com o número dele: `send 12`\n"
            + "- `persona <texto>` para me contar sobre você; `persona clear`\n"
            + "- `quiet 22-7 America/Sao_Paulo`: horas no seu fuso horário em que nunca respondo por você; `quiet off`\n"
            + "- `students`: seus alunos; `accept <id>` / `decline <id>` quando eu perguntar sobre alguém novo\n"
            + "- `language pt`: o idioma em que escrevo para você (en, es, pt, fr, de); `language auto` para seguir o seu jeito de escrever",
        fr: "Quand un élève vous attend, je réponds dans votre style (toujours signalé comme IA) et je me retire dès que vous répondez. Commandes :\n"
            + "- `status` : ce que j'ai appris de votre style, votre mode et votre pause\n"
            + "- `pause` (jusqu'à `resume`), ou `pause 30m` / `pause 2h` / `pause 1d` ; `resume`\n"
            + "- `mode auto` (je réponds), `mode draft` (je vous envoie d'abord des brouillons), `mode off` (j'apprends seulement)\n"
            + "- `send`, `edit <texte>`, `skip` pour votre dernier brouillon, ou avec son numéro : `send 12`\n"
            + "- `persona <texte>` pour me parler de vous ; `persona clear`\n"
            + "- `quiet 22-7 Europe/Paris` : les heures de votre fuseau où je ne réponds jamais à votre place ; `quiet off`\n"
            + "- `students` : vos élèves ; `accept <id>` / `decline <id>` quand je vous pose la question pour quelqu'un de nouveau\n"
            + "- `language fr` : la langue dans laquelle je vous écris (en, es, pt, fr, de) ; `language auto` pour suivre votre façon d'écrire",
        de: "Wenn ein Mentee auf dich wartet, antworte ich in deinem Stil (immer als KI gekennzeichnet) und halte mich zurück, sobald du antwortest. Befehle:\n"
            + "- `status`: was ich über deinen Stil gelernt habe, dein Modus und deine Pause\n"
            + "- `pause` (bis `resume`), oder `pause 30m` / `pause 2h` / `pause 1d`; `resume`\n"
            + "- `mode auto` (ich antworte), `mode draft` (ich schicke dir erst Entwürfe), `mode off` (ich lerne nur)\n"
            + "- `send`, `edit <Text>`, `skip` für deinen neuesten Entwurf, oder mit seiner Nummer: `send 12`\n"
            + "- `persona <Text>`, um mir etwas über dich zu sagen; `persona clear`\n"
            + "- `quiet 22-7 Europe/Berlin`: Stunden in deiner Zeitzone, in denen ich nie für dich antworte; `quiet off`\n"
            + "- `students`: deine Mentees; `accept <id>` / `decline <id>`, wenn ich nach jemand Neuem frage\n"
            + "- `language de`: die Sprache, in der ich dir schreibe (en, es, pt, fr, de); `language auto`, um deiner Schreibweise zu folgen");

    public static readonly LocalText Student = new(
        en: "I'm an AI stand-in for mentors: when your mentor is away, I may answer in their place, always labelled as AI. Commands:\n"
            + "- `human`: how to reach your mentor in person\n"
            + "- `status`: who your mentors are",
        es: "Soy un sustituto de IA para los mentores: cuando tu mentor no está, puedo responder en su lugar, siempre marcado como IA. Comandos:\n"
            + "- `human`: cómo hablar con tu mentor en persona\n"
            + "- `status`: quiénes son tus mentores",
        pt: "Sou um substituto de IA para os mentores: quando seu mentor não está, posso responder no lugar dele, sempre marcado como IA. Comandos:\n"
            + "- `human`: como falar com seu mentor pessoalmente\n"
            + "- `status`: quem são seus mentores",
        fr: "Je suis un remplaçant IA des mentors : quand ton mentor est absent, je peux répondre à sa place, toujours signalé comme IA. Commandes :\n"
            + "- `human` : comment joindre ton mentor en personne\n"
            + "- `status` : qui sont tes mentors",
        de: "Ich bin eine KI-Vertretung für Mentorinnen und Mentoren: Wenn deine Mentorin oder dein Mentor nicht da ist, antworte ich vielleicht an ihrer Stelle, immer als KI gekennzeichnet. Befehle:\n"
            + "- `human`: wie du deine Mentorin oder deinen Mentor persönlich erreichst\n"
            + "- `status`: wer deine Mentorinnen und Mentoren sind");

    public static readonly LocalText Everyone = new(
        en: "- `forget`: delete everything I store about you\n- `help`: this list",
        es: "- `forget`: borrar todo lo que guardo sobre ti\n- `help`: esta lista",
        pt: "- `forget`: apagar tudo o que guardo sobre você\n- `help`: esta lista",
        fr: "- `forget` : effacer tout ce que je garde sur vous\n- `help` : cette liste",
        de: "- `forget`: alles löschen, was ich über dich speichere\n- `help`: diese Liste");

    /// <summary>The fallback handler's answer (before the command set is wired): what the bot is.</summary>
    public static readonly LocalText About = new(
        en: "I am the mentors' AI stand-in. When a student writes in a group DM with their mentor and me, and the mentor has not answered for a while, I answer in the mentor's style, labelled as AI, and step back as soon as the mentor replies.\n\nTo take part, start a group DM with your mentor (or student) and me.",
        es: "Soy el sustituto de IA de los mentores. Cuando un estudiante escribe en un DM de grupo con su mentor y conmigo, y el mentor lleva un rato sin responder, contesto con el estilo del mentor, marcado como IA, y me retiro en cuanto el mentor responde.\n\nPara participar, abre un DM de grupo con tu mentor (o estudiante) y conmigo.",
        pt: "Sou o substituto de IA dos mentores. Quando um aluno escreve numa DM em grupo com o mentor e comigo, e o mentor demora a responder, eu respondo no estilo do mentor, marcado como IA, e saio de cena assim que o mentor responde.\n\nPara participar, abra uma DM em grupo com seu mentor (ou aluno) e comigo.",
        fr: "Je suis le remplaçant IA des mentors. Quand un élève écrit dans un DM de groupe avec son mentor et moi, et que le mentor n'a pas répondu depuis un moment, je réponds dans le style du mentor, signalé comme IA, et je me retire dès que le mentor répond.\n\nPour participer, ouvrez un DM de groupe avec votre mentor (ou élève) et moi.",
        de: "Ich bin die KI-Vertretung der Mentorinnen und Mentoren. Wenn ein Mentee in einer Gruppen-DM mit der Mentorin oder dem Mentor und mir schreibt und eine Weile keine Antwort kommt, antworte ich in deren Stil, als KI gekennzeichnet, und halte mich zurück, sobald sie antworten.\n\nUm mitzumachen, starte eine Gruppen-DM mit deiner Mentorin oder deinem Mentor (oder Mentee) und mir.");

    public static readonly LocalText NotUnderstood = new(
        en: "Sorry, I didn't understand that.",
        es: "Perdona, no lo he entendido.",
        pt: "Desculpe, não entendi.",
        fr: "Désolé, je n'ai pas compris.",
        de: "Entschuldige, das habe ich nicht verstanden.");

    /// <summary>What the webhook answers when a command failed (storage down, say), rather than a 5xx.</summary>
    public static readonly LocalText CommandFailed = new(
        en: "Sorry, I could not handle that just now. Please try again in a moment.",
        es: "Lo siento, ahora mismo no he podido hacerlo. Inténtalo de nuevo en un momento.",
        pt: "Desculpe, não consegui fazer isso agora. Tente de novo daqui a pouco.",
        fr: "Désolé, je n'ai pas pu traiter cela pour l'instant. Réessayez dans un instant.",
        de: "Entschuldige, das konnte ich gerade nicht erledigen. Bitte versuch es gleich noch einmal.");

    public static readonly LocalText ChannelHelpSuffix = new(
        en: "Please write to me in a direct message for anything else.",
        es: "Para todo lo demás, escríbeme por mensaje directo.",
        pt: "Para todo o resto, me escreva por mensagem direta.",
        fr: "Pour tout le reste, écrivez-moi en message direct.",
        de: "Für alles andere schreib mir bitte eine Direktnachricht.");

    public static readonly LocalText ChannelDirectOnly = new(
        en: "I answer that only in a direct message, so nothing private is shown here. Please write to me directly.",
        es: "Eso solo lo respondo por mensaje directo, para que aquí no se vea nada privado. Escríbeme directamente, por favor.",
        pt: "Só respondo isso por mensagem direta, para que nada privado apareça aqui. Por favor, me escreva diretamente.",
        fr: "Je ne réponds à cela qu'en message direct, pour que rien de privé ne s'affiche ici. Écrivez-moi directement, s'il vous plaît.",
        de: "Das beantworte ich nur per Direktnachricht, damit hier nichts Privates zu sehen ist. Bitte schreib mir direkt.");

    // What the parser says about a command it could not read.
    public static readonly LocalText QuietFormat = new(
        en: "Write quiet hours as `quiet 22-7 Europe/Lisbon` (hours 0–23, your time zone), or `quiet off`.",
        es: "Escribe las horas de silencio como `quiet 22-7 Europe/Madrid` (horas de 0 a 23, tu zona horaria), o `quiet off`.",
        pt: "Escreva as horas de silêncio como `quiet 22-7 America/Sao_Paulo` (horas de 0 a 23, seu fuso horário), ou `quiet off`.",
        fr: "Écrivez les heures calmes sous la forme `quiet 22-7 Europe/Paris` (heures de 0 à 23, votre fuseau), ou `quiet off`.",
        de: "Schreib Ruhezeiten als `quiet 22-7 Europe/Berlin` (Stunden 0–23, deine Zeitzone), oder `quiet off`.");

    public static readonly LocalText QuietRange = new(
        en: "Quiet hours need two different hours from 0 to 23, e.g. `quiet 22-7`.",
        es: "Las horas de silencio necesitan dos horas distintas de 0 a 23, p. ej. `quiet 22-7`.",
        pt: "As horas de silêncio precisam de duas horas diferentes de 0 a 23, por exemplo `quiet 22-7`.",
        fr: "Les heures calmes demandent deux heures différentes de 0 à 23, par exemple `quiet 22-7`.",
        de: "Ruhezeiten brauchen zwei verschiedene Stunden von 0 bis 23, z. B. `quiet 22-7`.");

    public static readonly LocalText QuietZone = new(
        en: "I don't know the time zone `{zone}`; use a name like `Europe/Lisbon` or `America/Sao_Paulo`.",
        es: "No conozco la zona horaria `{zone}`; usa un nombre como `Europe/Madrid` o `America/Mexico_City`.",
        pt: "Não conheço o fuso horário `{zone}`; use um nome como `America/Sao_Paulo` ou `Europe/Lisbon`.",
        fr: "Je ne connais pas le fuseau horaire `{zone}` ; utilisez un nom comme `Europe/Paris` ou `America/Montreal`.",
        de: "Die Zeitzone `{zone}` kenne ich nicht; nimm einen Namen wie `Europe/Berlin` oder `Europe/Vienna`.");

    public static readonly LocalText PersonaTooLong = new(
        en: "A persona note is at most {max} characters (yours has {length}).",
        es: "Una nota de persona tiene como máximo {max} caracteres (la tuya tiene {length}).",
        pt: "Uma nota de persona tem no máximo {max} caracteres (a sua tem {length}).",
        fr: "Une note de persona fait au plus {max} caractères (la vôtre en a {length}).",
        de: "Eine Persona-Notiz hat höchstens {max} Zeichen (deine hat {length}).");

    public static readonly LocalText EditBadId = new(
        en: "That draft number is not valid.",
        es: "Ese número de borrador no es válido.",
        pt: "Esse número de rascunho não é válido.",
        fr: "Ce numéro de brouillon n'est pas valide.",
        de: "Diese Entwurfsnummer ist ungültig.");

    public static readonly LocalText EditNoText = new(
        en: "Write the text to send after `edit`, e.g. `edit 12 Sounds good, see you at 3!`.",
        es: "Escribe el texto que quieres enviar después de `edit`, p. ej. `edit 12 ¡Perfecto, nos vemos a las 3!`.",
        pt: "Escreva o texto a enviar depois de `edit`, por exemplo `edit 12 Combinado, até às 3!`.",
        fr: "Écrivez le texte à envoyer après `edit`, par exemple `edit 12 Très bien, à 15 h !`.",
        de: "Schreib den Text, der gesendet werden soll, hinter `edit`, z. B. `edit 12 Klingt gut, bis um 3!`.");

    public static readonly LocalText EditTooLong = new(
        en: "An edited reply is at most {max} characters.",
        es: "Una respuesta editada tiene como máximo {max} caracteres.",
        pt: "Uma resposta editada tem no máximo {max} caracteres.",
        fr: "Une réponse modifiée fait au plus {max} caractères.",
        de: "Eine bearbeitete Antwort hat höchstens {max} Zeichen.");

    public static readonly LocalText PauseFormat = new(
        en: "I understand durations like `pause 30m`, `pause 2h`, `pause 1d` or `pause 1h30m`.",
        es: "Entiendo duraciones como `pause 30m`, `pause 2h`, `pause 1d` o `pause 1h30m`.",
        pt: "Entendo durações como `pause 30m`, `pause 2h`, `pause 1d` ou `pause 1h30m`.",
        fr: "Je comprends les durées comme `pause 30m`, `pause 2h`, `pause 1d` ou `pause 1h30m`.",
        de: "Ich verstehe Dauern wie `pause 30m`, `pause 2h`, `pause 1d` oder `pause 1h30m`.");

    public static readonly LocalText PauseZero = new(
        en: "A pause needs a length above zero, e.g. `pause 2h`.",
        es: "Una pausa necesita una duración mayor que cero, p. ej. `pause 2h`.",
        pt: "Uma pausa precisa de uma duração maior que zero, por exemplo `pause 2h`.",
        fr: "Une pause doit durer plus que zéro, par exemple `pause 2h`.",
        de: "Eine Pause braucht eine Dauer über null, z. B. `pause 2h`.");

    public static readonly LocalText PauseTooLong = new(
        en: "A pause is at most {days} days; `pause` alone pauses until you `resume`, and `mode off` stops replies for good.",
        es: "Una pausa dura como máximo {days} días; `pause` sin más pausa hasta que escribas `resume`, y `mode off` detiene las respuestas del todo.",
        pt: "Uma pausa dura no máximo {days} dias; `pause` sozinho pausa até você escrever `resume`, e `mode off` para as respostas de vez.",
        fr: "Une pause dure au plus {days} jours ; `pause` seul met en pause jusqu'à `resume`, et `mode off` arrête les réponses pour de bon.",
        de: "Eine Pause dauert höchstens {days} Tage; `pause` allein pausiert, bis du `resume` schreibst, und `mode off` beendet die Antworten ganz.");

    public static readonly LocalText ModeChoose = new(
        en: "Choose `mode auto` (I reply for you), `mode draft` (I send you drafts first) or `mode off` (I only learn).",
        es: "Elige `mode auto` (respondo por ti), `mode draft` (primero te envío borradores) o `mode off` (solo aprendo).",
        pt: "Escolha `mode auto` (respondo por você), `mode draft` (primeiro envio rascunhos a você) ou `mode off` (só aprendo).",
        fr: "Choisissez `mode auto` (je réponds à votre place), `mode draft` (je vous envoie d'abord des brouillons) ou `mode off` (j'apprends seulement).",
        de: "Wähle `mode auto` (ich antworte für dich), `mode draft` (ich schicke dir erst Entwürfe) oder `mode off` (ich lerne nur).");

    public static readonly LocalText ResumeNoArgument = new(
        en: "`resume` takes no argument.",
        es: "`resume` no lleva argumentos.",
        pt: "`resume` não leva argumentos.",
        fr: "`resume` ne prend pas d'argument.",
        de: "`resume` braucht kein Argument.");

    public static readonly LocalText ForgetNeedsCode = new(
        en: "Add the code I gave you: `forget confirm <code>`.",
        es: "Añade el código que te di: `forget confirm <código>`.",
        pt: "Acrescente o código que te dei: `forget confirm <código>`.",
        fr: "Ajoutez le code que je vous ai donné : `forget confirm <code>`.",
        de: "Füge den Code hinzu, den ich dir gegeben habe: `forget confirm <Code>`.");

    public static readonly LocalText DraftIdOnly = new(
        en: "Add just the draft number, if any: e.g. `send 12` or `skip 12`.",
        es: "Añade solo el número del borrador, si quieres: p. ej. `send 12` o `skip 12`.",
        pt: "Acrescente só o número do rascunho, se quiser: por exemplo `send 12` ou `skip 12`.",
        fr: "Ajoutez seulement le numéro du brouillon, si besoin : par exemple `send 12` ou `skip 12`.",
        de: "Gib höchstens die Entwurfsnummer an, z. B. `send 12` oder `skip 12`.");

    public static readonly LocalText ConsentNeedsId = new(
        en: "Write `{verb}` and the student's user id from my message, e.g. `{verb} 123`.",
        es: "Escribe `{verb}` y el id de usuario del estudiante que aparece en mi mensaje, p. ej. `{verb} 123`.",
        pt: "Escreva `{verb}` e o id de usuário do aluno que está na minha mensagem, por exemplo `{verb} 123`.",
        fr: "Écrivez `{verb}` suivi de l'id utilisateur de l'élève indiqué dans mon message, par exemple `{verb} 123`.",
        de: "Schreib `{verb}` und die Nutzer-ID des Mentees aus meiner Nachricht, z. B. `{verb} 123`.");

    public static readonly LocalText LanguageUnknown = new(
        en: "I don't write in `{language}`; choose one of `language en`, `language es`, `language pt`, `language fr`, `language de`, or `language auto`.",
        es: "No escribo en `{language}`; elige `language en`, `language es`, `language pt`, `language fr`, `language de` o `language auto`.",
        pt: "Não escrevo em `{language}`; escolha `language en`, `language es`, `language pt`, `language fr`, `language de` ou `language auto`.",
        fr: "Je n'écris pas en `{language}` ; choisissez `language en`, `language es`, `language pt`, `language fr`, `language de` ou `language auto`.",
        de: "In `{language}` schreibe ich nicht; wähle `language en`, `language es`, `language pt`, `language fr`, `language de` oder `language auto`.");
}
