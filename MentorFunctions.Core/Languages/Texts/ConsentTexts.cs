namespace MentorFunctions.Core.Languages.Texts;

/// <summary>The consent question to a mentor about a new student, and the answers to `accept` and `decline`, in the mentor's language.</summary>
public static class ConsentTexts
{
    public static readonly LocalText Question = new(
        en: "**{student}** wrote to you in a group DM with me. I don't answer or learn from that conversation until you agree.\n\n"
            + "- `accept {id}`: when you are busy, I answer {student} for you, in your style and labelled as AI, and stop as soon as you write.\n"
            + "- `decline {id}`: I stay out of it and stop asking.",
        es: "**{student}** te escribió en un DM de grupo conmigo. No respondo ni aprendo de esa conversación hasta que aceptes.\n\n"
            + "- `accept {id}`: cuando estés ocupado, respondo a {student} por ti, con tu estilo y marcado como IA, y paro en cuanto escribas.\n"
            + "- `decline {id}`: me mantengo al margen y dejo de preguntar.",
        pt: "**{student}** escreveu para você numa DM em grupo comigo. Não respondo nem aprendo com essa conversa até você concordar.\n\n"
            + "- `accept {id}`: quando você estiver ocupado, respondo a {student} por você, no seu estilo e marcado como IA, e paro assim que você escrever.\n"
            + "- `decline {id}`: fico de fora e paro de perguntar.",
        fr: "**{student}** vous a écrit dans un DM de groupe avec moi. Je ne réponds pas et n'apprends rien de cette conversation tant que vous n'avez pas accepté.\n\n"
            + "- `accept {id}` : quand vous êtes occupé, je réponds à {student} à votre place, dans votre style et signalé comme IA, et j'arrête dès que vous écrivez.\n"
            + "- `decline {id}` : je reste en dehors et je ne pose plus la question.",
        de: "**{student}** hat dir in einer Gruppen-DM mit mir geschrieben. Bis du zustimmst, antworte ich in diesem Gespräch nicht und lerne nicht daraus.\n\n"
            + "- `accept {id}`: Wenn du beschäftigt bist, antworte ich {student} für dich, in deinem Stil und als KI gekennzeichnet, und höre auf, sobald du schreibst.\n"
            + "- `decline {id}`: Ich halte mich heraus und frage nicht mehr.");

    public static readonly LocalText OwnStudent = new(
        en: "You cannot be your own student.",
        es: "No puedes ser tu propio estudiante.",
        pt: "Você não pode ser seu próprio aluno.",
        fr: "Vous ne pouvez pas être votre propre élève.",
        de: "Du kannst nicht dein eigener Mentee sein.");

    public static readonly LocalText NoSuchUser = new(
        en: "Zulip has no user with id {id}.",
        es: "Zulip no tiene ningún usuario con el id {id}.",
        pt: "O Zulip não tem nenhum usuário com o id {id}.",
        fr: "Zulip n'a aucun utilisateur avec l'id {id}.",
        de: "Zulip hat keinen Nutzer mit der ID {id}.");

    public static readonly LocalText IsBot = new(
        en: "{name} is a bot; a bot cannot be a student.",
        es: "{name} es un bot; un bot no puede ser estudiante.",
        pt: "{name} é um bot; um bot não pode ser aluno.",
        fr: "{name} est un bot ; un bot ne peut pas être élève.",
        de: "{name} ist ein Bot; ein Bot kann kein Mentee sein.");

    public static readonly LocalText AlreadyStudent = new(
        en: "{name} is already your student.",
        es: "{name} ya es tu estudiante.",
        pt: "{name} já é seu aluno.",
        fr: "{name} est déjà votre élève.",
        de: "{name} ist schon dein Mentee.");

    public static readonly LocalText Accepted = new(
        en: "Done: {name} is your student. When they write in our group DM and you are busy, I answer for you (labelled as AI). `decline {id}` undoes this.",
        es: "Hecho: {name} es tu estudiante. Cuando escriba en nuestro DM de grupo y estés ocupado, respondo por ti (marcado como IA). `decline {id}` lo deshace.",
        pt: "Pronto: {name} é seu aluno. Quando escrever na nossa DM em grupo e você estiver ocupado, respondo por você (marcado como IA). `decline {id}` desfaz isso.",
        fr: "C'est fait : {name} est votre élève. Quand il ou elle écrit dans notre DM de groupe et que vous êtes occupé, je réponds à votre place (signalé comme IA). `decline {id}` annule cela.",
        de: "Erledigt: {name} ist dein Mentee. Wenn in unserer Gruppen-DM geschrieben wird und du beschäftigt bist, antworte ich für dich (als KI gekennzeichnet). `decline {id}` macht das rückgängig.");

    public static readonly LocalText DeclinedRemoved = new(
        en: "Done: I no longer answer for you to user {id}, and I won't ask again. `accept {id}` changes your mind.",
        es: "Hecho: ya no respondo por ti al usuario {id}, y no volveré a preguntar. `accept {id}` si cambias de opinión.",
        pt: "Pronto: não respondo mais por você ao usuário {id}, e não vou perguntar de novo. `accept {id}` se mudar de ideia.",
        fr: "C'est fait : je ne réponds plus à votre place à l'utilisateur {id}, et je ne reposerai pas la question. `accept {id}` si vous changez d'avis.",
        de: "Erledigt: Ich antworte Nutzer {id} nicht mehr für dich und frage nicht noch einmal. `accept {id}`, falls du es dir anders überlegst.");

    public static readonly LocalText Declined = new(
        en: "Understood: I won't answer for you to user {id}, and I won't ask again. `accept {id}` changes your mind.",
        es: "Entendido: no responderé por ti al usuario {id}, y no volveré a preguntar. `accept {id}` si cambias de opinión.",
        pt: "Entendido: não vou responder por você ao usuário {id}, e não vou perguntar de novo. `accept {id}` se mudar de ideia.",
        fr: "Compris : je ne répondrai pas à votre place à l'utilisateur {id}, et je ne reposerai pas la question. `accept {id}` si vous changez d'avis.",
        de: "Verstanden: Ich antworte Nutzer {id} nicht für dich und frage nicht noch einmal. `accept {id}`, falls du es dir anders überlegst.");
}
