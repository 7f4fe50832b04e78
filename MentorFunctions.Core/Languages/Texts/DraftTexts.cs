namespace MentorFunctions.Core.Languages.Texts;

/// <summary>The answers to a mentor's `send`, `edit` and `skip`, in the mentor's language.</summary>
public static class DraftTexts
{
    public static readonly LocalText Skipped = new(
        en: "Draft {id} discarded; nothing was sent.",
        es: "Borrador {id} descartado; no se envió nada.",
        pt: "Rascunho {id} descartado; nada foi enviado.",
        fr: "Brouillon {id} écarté ; rien n'a été envoyé.",
        de: "Entwurf {id} verworfen; es wurde nichts gesendet.");

    public static readonly LocalText Expired = new(
        en: "Draft {id} was too old to send and has been discarded. If the student still needs an answer, write to them directly.",
        es: "El borrador {id} era demasiado antiguo para enviarlo y se ha descartado. Si el estudiante aún necesita una respuesta, escríbele directamente.",
        pt: "O rascunho {id} era antigo demais para enviar e foi descartado. Se o aluno ainda precisa de uma resposta, escreva diretamente para ele.",
        fr: "Le brouillon {id} était trop ancien pour être envoyé et a été écarté. Si l'élève attend encore une réponse, écrivez-lui directement.",
        de: "Entwurf {id} war zu alt zum Senden und wurde verworfen. Wenn der Mentee noch eine Antwort braucht, schreib ihm direkt.");

    public static readonly LocalText PairGone = new(
        en: "Draft {id} was discarded: that student is no longer paired with you.",
        es: "El borrador {id} se descartó: ese estudiante ya no está emparejado contigo.",
        pt: "O rascunho {id} foi descartado: esse aluno não está mais vinculado a você.",
        fr: "Le brouillon {id} a été écarté : cet élève n'est plus associé à vous.",
        de: "Entwurf {id} wurde verworfen: Dieser Mentee ist nicht mehr mit dir verbunden.");

    public static readonly LocalText Failed = new(
        en: "I couldn't post draft {id} just now; it is still waiting. Please try again in a minute.",
        es: "No pude publicar el borrador {id} ahora mismo; sigue esperando. Inténtalo de nuevo en un minuto.",
        pt: "Não consegui publicar o rascunho {id} agora; ele continua esperando. Tente de novo em um minuto.",
        fr: "Je n'ai pas pu publier le brouillon {id} pour l'instant ; il est toujours en attente. Réessayez dans une minute.",
        de: "Ich konnte Entwurf {id} gerade nicht senden; er wartet noch. Bitte versuch es in einer Minute noch einmal.");

    public static readonly LocalText Sent = new(
        en: "Sent draft {id} to the student as an approved AI draft.",
        es: "Envié el borrador {id} al estudiante como borrador de IA aprobado.",
        pt: "Enviei o rascunho {id} ao aluno como rascunho de IA aprovado.",
        fr: "J'ai envoyé le brouillon {id} à l'élève comme brouillon IA approuvé.",
        de: "Entwurf {id} als freigegebenen KI-Entwurf an den Mentee gesendet.");

    public static readonly LocalText SentEdited = new(
        en: "Sent your version of draft {id}, labelled as your own words. I'll learn from your edit.",
        es: "Envié tu versión del borrador {id}, marcada como tus propias palabras. Aprenderé de tu edición.",
        pt: "Enviei a sua versão do rascunho {id}, marcada como palavras suas. Vou aprender com a sua edição.",
        fr: "J'ai envoyé votre version du brouillon {id}, signalée comme vos propres mots. J'apprendrai de votre modification.",
        de: "Deine Version von Entwurf {id} gesendet, als deine eigenen Worte gekennzeichnet. Ich lerne aus deiner Änderung.");

    public static readonly LocalText NotFound = new(
        en: "There is no pending draft {id}: it may have been sent, skipped or expired already.",
        es: "No hay ningún borrador {id} pendiente: puede que ya se haya enviado, descartado o caducado.",
        pt: "Não há nenhum rascunho {id} pendente: talvez já tenha sido enviado, descartado ou expirado.",
        fr: "Il n'y a pas de brouillon {id} en attente : il a peut-être déjà été envoyé, écarté ou expiré.",
        de: "Es gibt keinen wartenden Entwurf {id}: Er wurde vielleicht schon gesendet, verworfen oder ist abgelaufen.");

    public static readonly LocalText NoDrafts = new(
        en: "You have no pending drafts.",
        es: "No tienes borradores pendientes.",
        pt: "Você não tem rascunhos pendentes.",
        fr: "Vous n'avez aucun brouillon en attente.",
        de: "Du hast keine wartenden Entwürfe.");
}
